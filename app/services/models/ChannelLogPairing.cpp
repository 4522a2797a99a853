// ChannelLogModel's pairing of replies with requests (Pikku RPC envelope ids, routing keys); the ring
// buffer, the rows and the export are in ChannelLogModel.cpp.
#include "ChannelLogModel.h"

ChannelMessage *ChannelLogModel::findBySeq(qint64 seq)
{
    if (!m_pending.empty() && seq >= m_pending.front().seq) {
        const qint64 i = seq - m_pending.front().seq;
        return i < qint64(m_pending.size()) ? &m_pending[size_t(i)] : nullptr;
    }
    if (const auto row = rowForSeq(seq))
        return &m_ring[size_t(physical(*row))];
    return nullptr;
}

void ChannelLogModel::pair(ChannelMessage &m)
{
    if (m.direction == ChannelMessage::Direction::Event)
        return;
    // Pikku reverse RPC: request and response carry the same envelope id.
    if (!m.rpcId.isEmpty()) {
        const bool isRequest = m.action == QLatin1String(PikkuRpc::Request);
        const bool isPending = m.action == QLatin1String(PikkuRpc::Pending);
        const auto it = m_openByRpcId.find(m.rpcId);
        ChannelMessage *other = it != m_openByRpcId.end() ? findBySeq(*it) : nullptr;
        if (other && other->direction == m.direction)
            other = nullptr;   // the same side again: not an answer
        if (isRequest || !other) {
            // A request (a repeated id replaces the old one), or an answer to nothing we still hold.
            if (isRequest || !isPending)
                m_openByRpcId.insert(m.rpcId, m.seq);
            else if (it != m_openByRpcId.end() && !other)
                m_openByRpcId.erase(it);   // its request was evicted
        } else if (isPending) {
            m.pairedSeq = other->seq;   // points at its request; the request stays open for the response
            other->rpcPending = true;
            changed(other->seq);
        } else {
            m.pairedSeq = other->seq;
            other->pairedSeq = m.seq;
            other->rpcPending = false;
            m_openByRpcId.erase(it);
            changed(other->seq);
        }
        if (m_openByRpcId.size() > kMaxOpen)
            m_openByRpcId.clear();
        return;
    }
    if (m.action.isEmpty()) {
        // Pikku's bare-string refusal names the route it refused: it answers that route's oldest request.
        if (m.kind == ChannelMessage::Kind::Text && m.isAuthFailure()) {
            const QString route = unauthorizedRoute(m.payload);
            if (!route.isEmpty())
                pairByAction(m, route);
        }
        return;
    }
    if (m.direction == ChannelMessage::Direction::Sent) {
        std::deque<qint64> &open = m_openByAction[m.action];
        open.push_back(m.seq);
        if (++m_openCount > kMaxOpen) {
            // Forget the oldest unanswered request of the longest queue (usually a flood of one action).
            auto longest = m_openByAction.begin();
            for (auto i = m_openByAction.begin(); i != m_openByAction.end(); ++i)
                if (i->size() > longest->size())
                    longest = i;
            longest->pop_front();
            --m_openCount;
            if (longest->empty())
                m_openByAction.erase(longest);
        }
    } else {
        pairByAction(m, m.action);
    }
}

void ChannelLogModel::pairByAction(ChannelMessage &m, const QString &action)
{
    const auto it = m_openByAction.find(action);
    if (it == m_openByAction.end())
        return;
    // FIFO: the oldest unanswered request of this action. One evicted meanwhile is still answered by this
    // reply (the server answers in order), so it is used up without a pair.
    const qint64 reqSeq = it->front();
    it->pop_front();
    --m_openCount;
    if (it->empty())
        m_openByAction.erase(it);
    if (ChannelMessage *req = findBySeq(reqSeq)) {
        m.pairedSeq = req->seq;
        req->pairedSeq = m.seq;
        changed(req->seq);
    }
}

void ChannelLogModel::changed(qint64 seq)
{
    // A row the view already shows got its pair (or became pending): repaint it. Messages not yet flushed
    // are inserted with their final state.
    if (!m_pending.empty() && seq >= m_pending.front().seq)
        return;
    if (const auto row = rowForSeq(seq))
        emit dataChanged(index(*row, 0), index(*row, ColumnCount - 1));
}

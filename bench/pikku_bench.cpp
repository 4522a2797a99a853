// pikku-bench: in-process measurements for BENCHMARKS.md (bench/run drives it). Each subcommand prints
// one JSON line on stdout.
//   bare URL --count N                   a bare QWebSocket client that only counts frames (the limit)
//   inspector URL --count N [--cap C] [--filter TEXT]
//                                        the channel inspector page, offscreen, view open, filter active:
//                                        ingest rate, event-loop lateness (p50/p99/max), RSS
//   audit-page URL [--reps R]           the Audit page against a dev server seeded with many audit entries:
//                                        ms from reload() to the first rows in the model and to their first
//                                        paint (median of R fresh loads), and one page's HTTP round trip
//   empty-window                         an empty Qt Widgets main window: ms to first paint and RSS
//   keys-page URL [--scroll-pages P]     the API keys page against a dev server seeded with many keys: one
//                                        page's HTTP round trip (same client), time to the first painted page,
//                                        then event-loop lateness while scrolling P pages in with fetchMore
#include "services/Services.h"
#include "gui/ApiKeysPage.h"
#include "gui/AuditPage.h"
#include "services/AuditService.h"
#include "services/models/AuditModel.h"
#include "services/models/ApiKeysModel.h"
#include "net/AuthApi.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "services/models/ChannelLogFilterModel.h"
#include "services/models/ChannelLogModel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPaintEvent>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <functional>
#include <cstdio>
#include <vector>

namespace {

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

void emitJson(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QString arg(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

// Records how late a 10 ms timer fires: the event loop's stalls.
class LatenessProbe : public QObject
{
public:
    LatenessProbe()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gaps.push_back(double(now - m_last) / 1e6 - 10.0);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_gaps.clear();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double percentile(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<double> g = m_gaps;
        std::sort(g.begin(), g.end());
        return std::max(0.0, g[size_t(std::min<double>(double(g.size() - 1), p * double(g.size() - 1)))]);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

int bare(const QStringList &args)
{
    const QUrl url(args.value(2));
    const qint64 count = arg(args, QStringLiteral("--count"), QStringLiteral("200000")).toLongLong();
    QWebSocket ws;
    qint64 n = 0;
    QElapsedTimer t;
    QObject::connect(&ws, &QWebSocket::connected, [&] { t.start(); });
    QObject::connect(&ws, &QWebSocket::textMessageReceived, [&](const QString &) {
        if (++n == count) {
            const double ms = double(t.nsecsElapsed()) / 1e6;
            emitJson({{"bench", "bare"}, {"messages", double(n)}, {"ms", ms}, {"rate", double(n) * 1000.0 / ms}});
            QCoreApplication::exit(0);
        }
    });
    ws.open(url);
    return QCoreApplication::exec();
}

int inspector(const QStringList &args)
{
    const QUrl url(args.value(2));
    const qint64 count = arg(args, QStringLiteral("--count"), QStringLiteral("200000")).toLongLong();
    const int cap = arg(args, QStringLiteral("--cap"), QStringLiteral("100000")).toInt();
    const int channels = arg(args, QStringLiteral("--channels"), QStringLiteral("1")).toInt();
    const QString filter = arg(args, QStringLiteral("--filter"), QStringLiteral("tick"));
    QTemporaryDir dir;
    Services services(std::make_unique<SystemClock>(), new MemorySecretStore,
                      new QSettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    AppContext context(&services);
    ChannelInspectorPage page(&context);
    page.resize(1200, 800);
    page.show();
    qputenv("PIKKU_BENCH_KEY", "bench");
    QList<ChannelTab *> tabs{page.currentChannel()};
    for (int i = 1; i < channels; ++i)
        tabs << page.addChannel(url);
    for (ChannelTab *tab : tabs) {
        tab->log()->setCapacity(cap);
        tab->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(filter);
        tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->setText(url.toString());
        tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(2);
        tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(QStringLiteral("PIKKU_BENCH_KEY"));
    }
    ChannelTab *first = tabs.first();
    qint64 rssBase = 0;
    qint64 rssAtCap = -1;
    qint64 received = 0;
    int opened = 0;
    LatenessProbe probe;
    QElapsedTimer t;
    for (ChannelTab *tab : tabs) {
        QObject::connect(tab->socket(), &ChannelSocket::opened, [&] {
            if (++opened == 1) {
                t.start();
                probe.start();
            }
        });
        QObject::connect(tab->socket(), &ChannelSocket::textReceived, [&](const QByteArray &) {
            ++received;
            if (received == cap && channels == 1)
                rssAtCap = rssKb();
            if (received == count * channels) {
                for (ChannelTab *x : tabs)
                    x->log()->flush();
                const double ms = double(t.nsecsElapsed()) / 1e6;
                probe.stop();
                emitJson({{"bench", "inspector"}, {"channels", channels}, {"messages", double(received)}, {"ms", ms},
                          {"rate", double(received) * 1000.0 / ms}, {"p50", probe.percentile(0.5)},
                          {"p99", probe.percentile(0.99)}, {"max", probe.percentile(1.0)}, {"rssBaseKb", double(rssBase)},
                          {"rssAtCapKb", double(rssAtCap)}, {"rssEndKb", double(rssKb())}, {"rows", first->log()->rowCount()},
                          {"filtered", first->filter()->rowCount()}});
                QCoreApplication::exit(0);
            }
        });
    }
    // A run that cannot finish says why instead of hanging the suite.
    QTimer::singleShot(qEnvironmentVariableIntValue("PIKKU_BENCH_WATCHDOG_MS") > 0 ? qEnvironmentVariableIntValue("PIKKU_BENCH_WATCHDOG_MS") : 60000, first, [&] {
        for (ChannelTab *tab : tabs)
            std::fprintf(stderr, "inspector: tab state %d received %lld log %lld\n", int(tab->socket()->state()),
                         tab->socket()->received(), tab->log()->receivedCount());
        QCoreApplication::exit(1);
    });
    // Let the page paint and settle first; the baseline is the page open and idle.
    QTimer::singleShot(300, first, [&] {
        rssBase = rssKb();
        for (ChannelTab *tab : tabs)
            tab->connectChannel();
    });
    return QCoreApplication::exec();
}

class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QElapsedTimer *t) : m_t(t) {}
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, [this] {
                emitJson({{"bench", "empty-window"}, {"ms", double(m_t->nsecsElapsed()) / 1e6}, {"rssKb", double(rssKb())}});
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    QElapsedTimer *m_t;
    bool m_done = false;
};

// Calls back once the widget has painted at least once while ready() holds.
class PaintWatch : public QObject
{
public:
    PaintWatch(std::function<bool()> ready, std::function<void()> done) : m_ready(std::move(ready)), m_done(std::move(done)) {}
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && m_done && m_ready()) {
            auto done = std::move(m_done);
            m_done = nullptr;
            QTimer::singleShot(0, done);
        }
        return false;
    }

private:
    std::function<bool()> m_ready;
    std::function<void()> m_done;
};

int keysPage(const QStringList &args)
{
    const QUrl url(args.value(2));
    const int scrollPages = arg(args, QStringLiteral("--scroll-pages"), QStringLiteral("30")).toInt();
    QTemporaryDir dir;
    Services services(std::make_unique<SystemClock>(), new MemorySecretStore,
                      new QSettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    AppContext context(&services);
    ServerEndpoint endpoint;
    endpoint.baseUrl = url;
    AuthApi auth(services.http(), endpoint);
    std::vector<double> rtts;
    std::unique_ptr<ApiKeysPage> page;
    std::unique_ptr<PaintWatch> watch;
    LatenessProbe probe;
    QElapsedTimer t;
    QTimer scroller;
    double firstPageMs = 0;
    QString token;

    auto startScrolling = [&] {
        firstPageMs = double(t.nsecsElapsed()) / 1e6;
        ApiKeysModel *model = page->model();
        const int target = std::min(model->total(), model->rowCount() * (scrollPages + 1));
        t.restart();
        probe.start();
        scroller.setInterval(16);
        QObject::connect(&scroller, &QTimer::timeout, [&, model, target] {
            QScrollBar *bar = page->view()->verticalScrollBar();
            bar->setValue(bar->maximum());   // as a person dragging to the end: the view asks for more
            if (model->rowCount() >= target && !model->isLoading()) {
                scroller.stop();
                probe.stop();
                const double ms = double(t.nsecsElapsed()) / 1e6;
                std::sort(rtts.begin(), rtts.end());
                emitJson({{"bench", "keys-page"}, {"total", model->total()}, {"rttMs", rtts[rtts.size() / 2]},
                          {"firstPageMs", firstPageMs}, {"rows", model->rowCount()}, {"scrollMs", ms},
                          {"p99", probe.percentile(0.99)}, {"max", probe.percentile(1.0)}, {"rssKb", double(rssKb())}});
                QCoreApplication::exit(0);
            }
        });
        scroller.start();
    };
    auto openPage = [&] {
        page = std::make_unique<ApiKeysPage>(&context);
        page->resize(1200, 800);
        ApiKeysModel *model = page->model();
        watch = std::make_unique<PaintWatch>([model] { return model->rowCount() > 0; }, startScrolling);
        page->view()->viewport()->installEventFilter(watch.get());
        page->show();
        t.start();
        page->reload();
    };
    // The limit: one page's HTTP round trip on the same client (100 keys, as the page asks), median of 7.
    std::function<void()> roundTrip = [&] {
        if (rtts.size() == 7)
            return openPage();
        RequestOptions o;
        o.credentials = Credentials::person(token, url);
        QElapsedTimer rt;
        rt.start();
        ApiCall *call = services.http()->get(endpoint.authUrl(QStringLiteral("/console/api-keys?limit=100&offset=0")), o);
        call->onFinished(&scroller, [&, rt](const HttpResponse &r) {
            if (!r.ok()) {
                std::fprintf(stderr, "keys-page: list failed\n");
                QCoreApplication::exit(1);
                return;
            }
            rtts.push_back(double(rt.nsecsElapsed()) / 1e6);
            roundTrip();
        });
    };
    auth.signInEmail(QStringLiteral("admin@example.com"), QStringLiteral("admin-password-123"), &scroller, [&](Result<QString> r) {
        if (!r.ok()) {
            std::fprintf(stderr, "keys-page: sign-in failed: %s\n", qPrintable(r.error().userMessage()));
            QCoreApplication::exit(1);
            return;
        }
        token = r.value();
        services.auth()->completeSignIn(endpoint, token, &scroller, [&](Result<SignInOutcome> s) {
            if (!s.ok()) {
                QCoreApplication::exit(1);
                return;
            }
            roundTrip();
        });
    });
    return QCoreApplication::exec();
}

// The Audit page's time to first rows: sign in, open the page offscreen, then R times: reload() with the
// default (empty) filter and time until the model has rows (AuditService::firstRowsMs) and until the table's
// viewport paints with rows in it.
int auditPage(const QStringList &args)
{
    const QUrl url(args.value(2));
    const int reps = std::max(1, arg(args, QStringLiteral("--reps"), QStringLiteral("15")).toInt());
    QTemporaryDir dir;
    Services services(std::make_unique<SystemClock>(), new MemorySecretStore,
                      new QSettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    AppContext context(&services);
    ServerEndpoint endpoint;
    endpoint.baseUrl = url;
    AuthApi auth(services.http(), endpoint);
    std::unique_ptr<AuditPage> page;
    std::unique_ptr<PaintWatch> watch;
    std::vector<double> rows, paints, rtts;
    QElapsedTimer t;
    QObject owner;
    QString token;
    std::function<void()> once;
    auto finish = [&] {
        std::sort(rows.begin(), rows.end());
        std::sort(paints.begin(), paints.end());
        std::sort(rtts.begin(), rtts.end());
        AuditService *a = services.audit();
        emitJson({{"bench", "audit-page"}, {"reps", reps}, {"rowsLoaded", a->model()->rowCount()}, {"pageSize", a->pageSize()},
                  {"firstRowsMs", rows[rows.size() / 2]}, {"firstRowsMin", rows.front()}, {"firstRowsMax", rows.back()},
                  {"firstPaintMs", paints[paints.size() / 2]}, {"firstPaintMin", paints.front()}, {"firstPaintMax", paints.back()},
                  {"rttMs", rtts[rtts.size() / 2]}, {"rssKb", double(rssKb())}});
        QCoreApplication::exit(0);
    };
    once = [&] {
        if (int(paints.size()) == reps)
            return finish();
        AuditModel *model = services.audit()->model();
        watch = std::make_unique<PaintWatch>([model] { return model->rowCount() > 0; }, [&] {
            paints.push_back(double(t.nsecsElapsed()) / 1e6);
            rows.push_back(double(services.audit()->firstRowsMs()));
            QTimer::singleShot(0, &owner, once);
        });
        page->table()->viewport()->installEventFilter(watch.get());
        t.start();
        page->reload();
    };
    std::function<void()> roundTrip = [&] {
        if (rtts.size() == 7) {
            page = std::make_unique<AuditPage>(&context);
            page->resize(1200, 800);
            page->show();
            return once();
        }
        RequestOptions o;
        o.credentials = Credentials::person(token, url);
        QElapsedTimer rt;
        rt.start();
        ApiCall *call = services.http()->get(endpoint.authUrl(QStringLiteral("/console/audit?limit=%1").arg(services.audit()->pageSize())), o);
        call->onFinished(&owner, [&, rt](const HttpResponse &r) {
            if (!r.ok()) {
                std::fprintf(stderr, "audit-page: list failed\n");
                QCoreApplication::exit(1);
                return;
            }
            rtts.push_back(double(rt.nsecsElapsed()) / 1e6);
            roundTrip();
        });
    };
    auth.signInEmail(QStringLiteral("admin@example.com"), QStringLiteral("admin-password-123"), &owner, [&](Result<QString> r) {
        if (!r.ok()) {
            std::fprintf(stderr, "audit-page: sign-in failed: %s\n", qPrintable(r.error().userMessage()));
            QCoreApplication::exit(1);
            return;
        }
        token = r.value();
        services.auth()->completeSignIn(endpoint, token, &owner, [&](Result<SignInOutcome> s) {
            if (!s.ok()) {
                QCoreApplication::exit(1);
                return;
            }
            roundTrip();
        });
    });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString cmd = args.value(1);
    if (cmd == QLatin1String("bare"))
        return bare(args);
    if (cmd == QLatin1String("inspector"))
        return inspector(args);
    if (cmd == QLatin1String("keys-page"))
        return keysPage(args);
    if (cmd == QLatin1String("audit-page"))
        return auditPage(args);
    if (cmd == QLatin1String("empty-window")) {
        QMainWindow w;
        w.resize(1100, 700);
        // --text: one line of text in it, so the font database is loaded as in any real window.
        if (args.contains(QStringLiteral("--text")))
            w.setCentralWidget(new QLabel(QStringLiteral("Pikku Admin"), &w));
        FirstPaint fp(&sinceMain);
        w.installEventFilter(&fp);
        w.show();
        return QApplication::exec();
    }
    std::fprintf(stderr, "usage: pikku-bench bare|inspector URL [--count N] [--cap C] [--filter T] | keys-page URL | empty-window\n");
    return 2;
}

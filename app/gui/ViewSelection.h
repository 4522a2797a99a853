#pragma once

#include <QItemSelectionModel>
#include <QTableView>
#include <QTableWidget>

// When the row the admin picked is removed (revoked, rotated out, approved, refreshed away), QAbstractItemView
// moves the current index and, in single-selection mode, the selection to a neighbour ("ensure one selected
// item"), with that row's destructive actions enabled: on the Sessions page that neighbour is often this
// console's own session, on Device approvals the next device. These views leave nothing selected instead.
template <class View>
class HonestSelectionView : public View
{
public:
    using View::View;

protected:
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override
    {
        if (QItemSelectionModel *sel = this->selectionModel()) {
            const QModelIndex current = sel->currentIndex();
            bool picked = current.isValid() && current.parent() == parent && current.row() >= start && current.row() <= end;
            for (int r = start; !picked && r <= end; ++r)
                picked = sel->isRowSelected(r, parent);
            if (picked)
                sel->clear();   // before the base class picks a neighbour
        }
        View::rowsAboutToBeRemoved(parent, start, end);
    }
};

using HonestTableView = HonestSelectionView<QTableView>;
using HonestTableWidget = HonestSelectionView<QTableWidget>;

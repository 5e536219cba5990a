"""The per-field review of an import that updates a batch: old → new, each one to keep or drop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rectdesk.domain.model import FIELD_LABELS
from rectdesk.services.importing import FieldChange, ImportPlan
from rectdesk.ui.labels import tr_label

_Index = QModelIndex | QPersistentModelIndex


class FieldChangesModel(QAbstractTableModel):
    """Every field an import would change; unticked ones are left out of the write."""

    HEADERS = (
        QT_TRANSLATE_NOOP("FieldChangesModel", "采纳"),
        QT_TRANSLATE_NOOP("FieldChangesModel", "行"),
        QT_TRANSLATE_NOOP("FieldChangesModel", "事项"),
        QT_TRANSLATE_NOOP("FieldChangesModel", "字段"),
        QT_TRANSLATE_NOOP("FieldChangesModel", "原值"),
        QT_TRANSLATE_NOOP("FieldChangesModel", "新值"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.changes: list[FieldChange] = []
        self.kept: list[bool] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.changes = plan.field_changes() if plan is not None else []
        self.kept = [True] * len(self.changes)
        self.endResetModel()

    def rejected(self) -> list[tuple[int, str]]:
        """(row, field) of the changes the clerk unticked."""
        pairs = zip(self.changes, self.kept, strict=True)
        return [(c.row_index, c.field) for c, keep in pairs if not keep]

    def set_all(self, keep: bool) -> None:
        self.kept = [keep] * len(self.changes)
        if self.changes:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.changes) - 1, 0))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("FieldChangesModel", str(self.HEADERS[section]))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        change = self.changes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self.kept[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(change, column, full=False)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 4, 5):
            return self._text(change, column, full=True)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.kept[index.row()] = bool(checked)
        self.dataChanged.emit(index, index, [role])
        return True

    def _text(self, change: FieldChange, column: int, *, full: bool) -> str:
        if column == 0:
            return ""
        if column == 1:
            return f"{change.sheet}：{change.row}"
        if column == 2:
            assert self.plan is not None
            draft = self.plan.rows[change.row_index].parsed.draft
            text = draft.number or draft.content
        elif column == 3:
            return tr_label(FIELD_LABELS.get(change.field, change.field))
        else:
            text = change.old if column == 4 else change.new
        flat = text if full else " ".join(text.split())
        return flat if full or len(flat) <= 60 else flat[:59] + "…"

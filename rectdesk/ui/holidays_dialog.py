"""节假日安排: see a year's holidays and 调休 working days, and enter a year the calendar does
not know yet (as the State Council publishes it each autumn)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.services import workcalendar
from rectdesk.services.context import AppContext
from rectdesk.ui.undo import show_error

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:\s*(?:\.\.|至|~)\s*(\d{4})-(\d{1,2})-(\d{1,2}))?")


def parse_days(text: str) -> list[dt.date]:
    """Dates and ranges as typed: 2027-02-06, 2027-02-06..2027-02-13 (or 至), one or many."""
    days: list[dt.date] = []
    rest = _DAY.sub("", text)
    if rest.strip(" ，,、;；\n\t"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "“{text}”不是日期，请写成 2027-02-06 或 2027-02-06..2027-02-13。"
            ),
            text=rest.strip()[:20],
        )
    for found in _DAY.finditer(text):
        try:
            first = dt.date(int(found[1]), int(found[2]), int(found[3]))
            last = dt.date(int(found[4]), int(found[5]), int(found[6])) if found[4] else first
        except ValueError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "“{text}”不是有效的日期，请核对。"),
                text=found[0],
            ) from exc
        if not 0 <= (last - first).days <= 366:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "日期区间“{text}”不对，请把较早的日期写在前面。"),
                text=found[0],
            )
        days.extend(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    return days


def runs(days: list[dt.date]) -> str:
    """Days written back as ranges, one a line."""
    lines: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if lines and (day - lines[-1][1]).days == 1:
            lines[-1] = (lines[-1][0], day)
        else:
            lines.append((day, day))
    return "\n".join(a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"
                     for a, b in lines)  # fmt: skip


class HolidaysDialog(QDialog):
    """One year's arrangement: published (chinesecalendar) or entered by the office."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("节假日安排"))
        self.resize(520, 480)
        form = QFormLayout()
        self.year = QSpinBox(self)
        self.year.setRange(2004, 2199)
        self.year.setValue(context.today().year)
        self.year.valueChanged.connect(lambda _v: self.load())
        form.addRow(self.tr("年份："), self.year)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        form.addRow("", self.source)
        self.rest = QPlainTextEdit(self)
        form.addRow(self.tr("放假日期："), self.rest)
        self.work = QPlainTextEdit(self)
        form.addRow(self.tr("调休上班（周六、周日）："), self.work)
        hint = QLabel(
            self.tr("每行一个日期或区间，如 2027-02-06..2027-02-13。"),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not context.readonly)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        year = self.year.value()
        store = self.context.store
        table = workcalendar.table(store)
        entered = workcalendar.entered_years(store).get(year)
        if entered is not None:
            rest = [dt.date.fromisoformat(d) for d in entered.get("rest", [])]
            work = [dt.date.fromisoformat(d) for d in entered.get("work", [])]
            self.source.setText(self.tr("{0}年：本单位录入的安排").format(year))
        else:
            days = [dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(366)]
            days = [d for d in days if d.year == year]
            rest = [d for d in days if table.is_holiday(d)]
            work = [d for d in days if d.weekday() >= 5 and table.is_workday(d)]
            if table.knows(year):
                self.source.setText(self.tr("{0}年：国务院公布的安排").format(year))
            else:
                self.source.setText(self.tr(
                    "{0}年的安排尚未录入：工作日暂按周六周日休息估算。国务院公布后请在这里录入。"
                ).format(year))  # fmt: skip
        self.rest.setPlainText(runs(rest))
        self.work.setPlainText(runs(work))

    def save(self) -> None:
        try:
            workcalendar.enter_year(
                self.context.store, self.year.value(), parse_days(self.rest.toPlainText()),
                parse_days(self.work.toPlainText()),
            )  # fmt: skip
        except UserError as exc:
            show_error(self, exc)
            return
        self.load()

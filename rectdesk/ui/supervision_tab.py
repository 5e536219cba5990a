"""The detail panel's 督办与佐证 page: the letters that named the item, its close-off review,
and what the reuse guard found about its evidence."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import mask_text
from rectdesk.domain.supervision import Letter
from rectdesk.services import closure, evidence_guard, letters
from rectdesk.services.context import AppContext
from rectdesk.ui.labels import tr_label


def overdue_replies_text(found: list[Letter], today: dt.date) -> str:
    """The dashboard's line on 督办 letters whose reply is overdue (rich text, red)."""
    if not found:
        return ""
    shown = "；".join(
        QCoreApplication.translate("SupervisionTab", "{0}（{1}，逾期{2}天）").format(
            letter.number, letter.unit, (today - letter.reply_due).days if letter.reply_due else 0
        )
        for letter in found[:8]
    )
    more = "…" if len(found) > 8 else ""
    text = QCoreApplication.translate("SupervisionTab", "督办函逾期未复 {0} 份：{1}{2}").format(
        len(found), shown, more
    )
    return '<span style="color:#b00000">' + html.escape(text) + "</span>"


class SupervisionTab(QScrollArea):
    """Read-only facts about one item's supervision and proof."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._item_id: int | None = None
        self._stale = False
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.text = QLabel(body)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setWidget(body)

    def set_item(self, item_id: int | None) -> None:
        """Show the facts of one item (None: nothing); read when the page is shown."""
        self._item_id = item_id
        if self.isVisible():
            self._fill(item_id)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self._fill(self._item_id)
        super().showEvent(event)

    def _fill(self, item_id: int | None) -> None:
        if item_id is None:
            self.text.clear()
            return
        store = self.context.store
        today = self.context.today()
        parts = [f"<b>{self.tr('督办函')}</b>"]
        try:
            found = letters.item_letters(store, item_id)
            review = closure.latest_review(store, item_id)
            flags = evidence_guard.flags_for(store, [item_id]).get(item_id, [])
        except UserError as exc:
            self.text.setText(html.escape(exc.message))
            return
        if not found:
            parts.append(self.tr("尚未发过督办函或预警函。"))
        for letter in found:
            state = tr_label(letter.reply_state(today))
            if letter.reply_on is not None:
                state = self.tr("{0}答复：{1}").format(letter.reply_on.isoformat(), letter.result)
            parts.append(html.escape(
                f"{letter.number}　{tr_label(letter.kind.label)}　{letter.issued_on.isoformat()}"
                f"　→ {letter.unit}　" + self.tr("答复期限 {0}").format(
                    letter.reply_due.isoformat() if letter.reply_due else "—") + f"　{state}"
            ))  # fmt: skip
        parts.append(f"<br><b>{self.tr('销号审核')}</b>")
        if review is None:
            parts.append(self.tr("未提出销号申请。"))
        else:
            line = self.tr("{0} {1}申请：{2}").format(
                review.applied_on.isoformat(), review.applicant, tr_label(review.state.label)
            )
            if review.reviewer:
                line += self.tr("；审核人 {0}：{1}").format(review.reviewer, review.opinion or "—")
            parts.append(html.escape(mask_text(line)))  # fmt: skip
        parts.append(f"<br><b>{self.tr('佐证材料复用提示')}</b>")
        if not flags:
            parts.append(self.tr("未发现与其他事项相同或近似的佐证材料（以最近一次检查为准）。"))
        for flag in flags:
            parts.append('<span style="color:#b00000">' + html.escape(mask_text(flag)) + "</span>")
        self.text.setText("<br>".join(parts))

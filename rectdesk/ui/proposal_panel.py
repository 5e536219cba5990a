"""The detail panel's 建议提案 page: the proposal's fields with its statutory deadline, the
contact log and the answers (with the 答复函 and a second handling after 不满意)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import mask_text
from rectdesk.domain.proposals import (
    CONTACT_METHODS,
    DEFAULT_ANSWER_PERIOD,
    DEFAULT_CO_PERIOD,
    SATISFACTIONS,
    Answer,
    HandlingRole,
    Proposal,
    ProposalKind,
)
from rectdesk.services import proposals
from rectdesk.services.context import AppContext
from rectdesk.ui import file_dialogs
from rectdesk.ui.bulk_dialogs import from_qdate, to_qdate
from rectdesk.ui.labels import tr_label
from rectdesk.ui.undo import busy, show_error


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ContactDialog(QDialog):
    """One contact with the proposer."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加沟通记录"))
        form = QFormLayout(self)
        self.on = _date_edit(self, today)
        form.addRow(self.tr("日期："), self.on)
        self.method = QComboBox(self)
        for method in CONTACT_METHODS:
            self.method.addItem(tr_label(method), method)
        form.addRow(self.tr("方式："), self.method)
        self.who = QLineEdit(self)
        form.addRow(self.tr("参加人员："), self.who)
        self.opinions = QSpinBox(self)
        self.opinions.setRange(0, 999)
        form.addRow(self.tr("征求到意见（条）："), self.opinions)
        self.content = QPlainTextEdit(self)
        form.addRow(self.tr("沟通内容："), self.content)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class AnswerDialog(QDialog):
    """One answer: class, 文号, 签发人, 联系人, text, and the proposer's satisfaction."""

    def __init__(
        self, classes: list[tuple[str, str]], round_: int, today: dt.date,
        parent: QWidget | None = None, *, earlier: Answer | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.round = round_
        title = self.tr("登记答复") if round_ == 1 else self.tr("登记重新办理的答复")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.on = _date_edit(self, today)
        form.addRow(self.tr("答复日期："), self.on)
        self.answer_class = QComboBox(self)
        for code, name in classes:
            self.answer_class.addItem(self.tr("{0}类　{1}").format(code, name), code)
        form.addRow(self.tr("答复分类："), self.answer_class)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("如：县卫健函〔2026〕8号"))
        form.addRow(self.tr("答复函文号："), self.number)
        self.signer = QLineEdit(self)
        form.addRow(self.tr("签发人："), self.signer)
        self.contact = QLineEdit(self)
        form.addRow(self.tr("联系人："), self.contact)
        self.phone = QLineEdit(self)
        form.addRow(self.tr("联系电话："), self.phone)
        self.text = QPlainTextEdit(self)
        form.addRow(self.tr("答复正文："), self.text)
        self.satisfaction = QComboBox(self)
        self.satisfaction.addItem(self.tr("（尚未反馈）"), "")
        for value in SATISFACTIONS:
            self.satisfaction.addItem(tr_label(value), value)
        form.addRow(self.tr("代表委员满意度："), self.satisfaction)
        self.feedback_on = _date_edit(self, today)
        form.addRow(self.tr("反馈日期："), self.feedback_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if earlier is not None:
            self._fill(earlier)

    def _fill(self, earlier: Answer) -> None:
        """Start from the answer on record, so saving it again changes only what is edited."""
        self.on.setDate(to_qdate(earlier.answered_on))
        self.answer_class.setCurrentIndex(max(0, self.answer_class.findData(earlier.answer_class)))
        self.number.setText(earlier.number)
        self.signer.setText(earlier.signer)
        self.contact.setText(earlier.contact_person)
        self.phone.setText(earlier.contact_phone)
        self.text.setPlainText(earlier.text)
        self.satisfaction.setCurrentIndex(max(0, self.satisfaction.findData(earlier.satisfaction)))
        if earlier.feedback_on is not None:
            self.feedback_on.setDate(to_qdate(earlier.feedback_on))

    def answer(self, item_id: int) -> Answer:
        satisfaction = str(self.satisfaction.currentData() or "")
        return Answer(
            id=0, item_id=item_id, round=self.round, answered_on=from_qdate(self.on.date()),
            answer_class=str(self.answer_class.currentData()), number=self.number.text().strip(),
            signer=self.signer.text().strip(), contact_person=self.contact.text().strip(),
            contact_phone=self.phone.text().strip(), text=self.text.toPlainText().strip(),
            satisfaction=satisfaction,
            feedback_on=from_qdate(self.feedback_on.date()) if satisfaction else None,
        )  # fmt: skip


class ProposalPanel(QScrollArea):
    """The proposal of the item shown in the detail panel."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id: int | None = None
        self._stale = False
        self.setWidgetResizable(True)
        body = QWidget(self)
        form = QFormLayout(body)
        self.kind = QComboBox(body)
        for kind in ProposalKind:
            self.kind.addItem(tr_label(kind.label), kind.value)
        form.addRow(self.tr("类别："), self.kind)
        self.code = QLineEdit(body)
        form.addRow(self.tr("建议提案号："), self.code)
        self.proposer = QLineEdit(body)
        form.addRow(self.tr("代表委员："), self.proposer)
        self.role = QComboBox(body)
        for role in HandlingRole:
            self.role.addItem(tr_label(role.label), role.value)
        form.addRow(self.tr("本单位承办："), self.role)
        self.main_unit = QLineEdit(body)
        form.addRow(self.tr("主办单位："), self.main_unit)
        self.co_units = QLineEdit(body)
        form.addRow(self.tr("会办单位："), self.co_units)
        key_row = QHBoxLayout()
        self.key = QCheckBox(self.tr("重点提案，领办领导："), body)
        self.leader = QLineEdit(body)
        key_row.addWidget(self.key)
        key_row.addWidget(self.leader, 1)
        form.addRow("", key_row)
        self.assigned = QCheckBox(self.tr("已交办，交办日期："), body)
        self.assigned_on = _date_edit(body, context.today())
        row = QHBoxLayout()
        row.addWidget(self.assigned)
        row.addWidget(self.assigned_on, 1)
        form.addRow("", row)
        self.answer_period = QLineEdit(DEFAULT_ANSWER_PERIOD, body)
        form.addRow(self.tr("答复时限："), self.answer_period)
        self.co_period = QLineEdit(DEFAULT_CO_PERIOD, body)
        form.addRow(self.tr("会办意见时限："), self.co_period)
        self.co_sent = QCheckBox(self.tr("已提出会办意见，日期："), body)
        self.co_opinion_on = _date_edit(body, context.today())
        row = QHBoxLayout()
        row.addWidget(self.co_sent)
        row.addWidget(self.co_opinion_on, 1)
        form.addRow("", row)
        self.save_button = QPushButton(self.tr("保存建议提案信息"), body)
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        self.deadline = QLabel(body)
        self.deadline.setWordWrap(True)
        form.addRow(self.tr("法定期限："), self.deadline)
        self.contacts = QLabel(body)
        self.contacts.setWordWrap(True)
        add_contact = QPushButton(self.tr("添加沟通记录…"), body)
        add_contact.clicked.connect(self.add_contact)
        form.addRow(self.tr("沟通记录："), self.contacts)
        form.addRow("", add_contact)
        self.answers = QLabel(body)
        self.answers.setWordWrap(True)
        form.addRow(self.tr("答复："), self.answers)
        buttons = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("登记答复…"), body)
        self.answer_button.clicked.connect(self.add_answer)
        self.letter_button = QPushButton(self.tr("生成答复函…"), body)
        self.letter_button.clicked.connect(self.make_letter)
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.letter_button)
        form.addRow("", buttons)
        self.editable = [self.save_button, add_contact, self.answer_button]
        for widget in self.editable:
            widget.setEnabled(not context.readonly)
        self.setWidget(body)

    # -- showing -----------------------------------------------------------------------------

    def set_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        if self.item_id is None:
            return
        store = self.context.store
        found = proposals.proposal(store, self.item_id) or Proposal(self.item_id)
        self.kind.setCurrentIndex(self.kind.findData(found.kind.value))
        self.code.setText(found.code)
        self.proposer.setText(found.proposer)
        self.role.setCurrentIndex(self.role.findData(found.role.value))
        self.main_unit.setText(found.main_unit)
        self.co_units.setText(found.co_units)
        self.key.setChecked(found.key)
        self.leader.setText(found.leader)
        self.assigned.setChecked(found.assigned_on is not None)
        self.assigned_on.setDate(to_qdate(found.assigned_on or self.context.today()))
        self.answer_period.setText(found.answer_period)
        self.co_period.setText(found.co_period)
        self.co_sent.setChecked(found.co_opinion_on is not None)
        self.co_opinion_on.setDate(to_qdate(found.co_opinion_on or self.context.today()))
        try:
            counted = (proposals.co_deadline(store, found) if found.role is HandlingRole.CO
                       else proposals.reply_deadline(store, found))  # fmt: skip
        except UserError as exc:
            self.deadline.setText(exc.message)
        else:
            self.deadline.setText(counted.explanation if counted else self.tr("填写交办日期后计算"))
        self.contacts.setText(mask_text("\n".join(
            f"{c.on.isoformat()} {tr_label(c.method)} {c.who} "
            + self.tr("意见{0}条").format(c.opinions)
            for c in proposals.contacts(store, self.item_id)
        )) or self.tr("（无）"))  # fmt: skip
        answers = proposals.answers(store, self.item_id)
        lines = []
        for a in answers:
            line = self.tr("第{0}次 {1} {2}类 {3}").format(
                a.round, a.answered_on.isoformat(), a.answer_class,
                tr_label(a.satisfaction) if a.satisfaction else "",
            )
            due = proposals.second_deadline(store, a)
            if due is not None and not any(b.round == 2 for b in answers):
                line += self.tr("（不满意，须于{0}前重新办理）").format(due.date.isoformat())
            lines.append(line)  # fmt: skip
        self.answers.setText("\n".join(lines) or self.tr("（尚未答复）"))
        self.letter_button.setEnabled(bool(answers))

    # -- editing -----------------------------------------------------------------------------

    def save(self) -> None:
        if self.item_id is None:
            return
        found = Proposal(
            item_id=self.item_id, kind=ProposalKind(self.kind.currentData()),
            code=self.code.text().strip(), proposer=self.proposer.text().strip(),
            role=HandlingRole(self.role.currentData()), main_unit=self.main_unit.text().strip(),
            co_units=self.co_units.text().strip(), key=self.key.isChecked(),
            leader=self.leader.text().strip(),
            assigned_on=from_qdate(self.assigned_on.date()) if self.assigned.isChecked() else None,
            answer_period=self.answer_period.text().strip(),
            co_period=self.co_period.text().strip(),
            co_opinion_on=from_qdate(self.co_opinion_on.date()) if self.co_sent.isChecked()
            else None,
        )  # fmt: skip
        try:
            proposals.save(self.context.store, found, actor=self.context.actor())
        except UserError as exc:
            show_error(self, exc)
        self.reload()

    def add_contact(self) -> None:
        if self.item_id is None:
            return
        dialog = ContactDialog(self.context.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            proposals.add_contact(
                self.context.store, self.item_id, on=from_qdate(dialog.on.date()),
                method=str(dialog.method.currentData()), who=dialog.who.text(),
                content=dialog.content.toPlainText(), opinions=dialog.opinions.value(),
                actor=self.context.actor(),
            )  # fmt: skip
        except UserError as exc:
            show_error(self, exc)
        self.reload()

    def add_answer(self) -> None:
        if self.item_id is None:
            return
        store = self.context.store
        round_ = proposals.next_round(store, self.item_id)
        # An answer of this round on record is corrected, not replaced by a blank one.
        earlier = next((a for a in proposals.answers(store, self.item_id) if a.round == round_),
                       None)  # fmt: skip
        dialog = AnswerDialog(proposals.answer_classes(store), round_, self.context.today(), self,
                              earlier=earlier)  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            proposals.record_answer(store, dialog.answer(self.item_id), actor=self.context.actor())
        except UserError as exc:
            show_error(self, exc)
        self.reload()

    def make_letter(self) -> None:
        if self.item_id is None:
            return
        store = self.context.store
        answers = proposals.answers(store, self.item_id)
        if not answers:
            return
        target = file_dialogs.save_file(
            self, "answer_letter", self.tr("保存答复函"), self.tr("答复函.pdf"),
            self.tr("PDF (*.pdf);;Word (*.docx)"),
        )  # fmt: skip
        if not target:
            return
        path = Path(target)
        fmt = "docx" if path.suffix.lower() == ".docx" else "pdf"
        try:
            with busy():
                proposals.answer_letter(store, self.item_id, answers[-1].round, fmt,
                                        path.with_suffix("." + fmt))  # fmt: skip
        except UserError as exc:
            show_error(self, exc)

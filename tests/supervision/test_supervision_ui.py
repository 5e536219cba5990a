"""The window's side of letters, the register, the item's supervision page and proposals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from supkit import TODAY, photo

from rectdesk.domain.errors import UserError
from rectdesk.domain.proposals import ProposalKind
from rectdesk.services import letters, proposals
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.store.letters import LetterBook
from rectdesk.ui.bulk_dialogs import to_qdate
from rectdesk.ui.letters_dialog import LettersDialog
from rectdesk.ui.proposal_panel import ContactDialog, ProposalPanel
from rectdesk.ui.register_view import RegisterDialog, ReplyDialog
from rectdesk.ui.supervision_tab import SupervisionTab


def answer(
    monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: Callable[[Any], None]
) -> None:
    """Make the dialog, when shown, be filled in and accepted at once."""

    def run(self: Any) -> int:
        fill(self)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(dialog, "exec", run)


@pytest.fixture
def context(store: Store) -> AppContext:
    assert store.path is not None
    return AppContext(store=store, target=store.path, today=lambda: TODAY)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def tell(_parent: object, _title: str, text: str, *_args: object) -> int:
        said.append(text)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "information", tell)
    monkeypatch.setattr(QMessageBox, "warning", tell)
    monkeypatch.setattr(QMessageBox, "critical", tell)
    return said


def test_letters_dialog_issues_and_registers(
    qtbot: Any, context: AppContext, tmp_path: Path, told: list[str]
) -> None:
    dialog = LettersDialog(context, [], None)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.prefix.setText("县卫健督")
    dialog.source.setCurrentIndex(dialog.source.findData("overdue"))
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    assert dialog.reply_due.date() == to_qdate(dt.date(2026, 3, 23))
    dialog.issue()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [i.letter.number for i in dialog.issued] == ["县卫健督〔2026〕1号"]
    assert dialog.issued[0].path.suffix == ".docx" and dialog.issued[0].path.is_file()
    assert "县卫健督〔2026〕1号" in told[-1]
    assert letters.letter_settings(context.store).prefix == "县卫健督"


def test_letters_dialog_says_what_is_wrong(
    qtbot: Any, context: AppContext, told: list[str]
) -> None:
    dialog = LettersDialog(context, [], None)
    qtbot.addWidget(dialog)
    dialog.folder.setText("")
    dialog.issue()
    assert told and "文件夹" in told[-1]
    assert LetterBook(context.store).letters() == []


def test_register_shows_letters_and_takes_a_reply(
    qtbot: Any, qtmodeltester: Any, context: AppContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, told: list[str],
) -> None:  # fmt: skip
    issued = letters.issue(context.store, letters.overdue_items(context.store, TODAY),
                           today=TODAY, output_dir=tmp_path)  # fmt: skip
    dialog = RegisterDialog(context, None)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == issued[0].letter.number
    dialog.table.selectRow(0)

    def fill(reply: ReplyDialog) -> None:
        reply.on.setDate(to_qdate(dt.date(2026, 3, 20)))
        reply.summary.setText("已完成制度修订")

    answer(monkeypatch, ReplyDialog, fill)
    dialog.enter_reply()
    letter = LetterBook(context.store).letters()[0]
    assert letter.reply_on == dt.date(2026, 3, 20) and letter.result == "已整改到位"
    assert dialog.model.index(0, 6).data() == "2026-03-20"


def test_supervision_page_shows_letters_review_and_reuse(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    store = context.store
    ids = [i.id for i in store.items()]
    letters.issue(store, store.items_by_ids(ids[:1]), today=TODAY, output_dir=tmp_path)
    picture = photo(tmp_path / "现场.jpg", 2)
    store.add_attachment(ids[0], picture)
    store.add_attachment(ids[3], picture)
    from rectdesk.services import evidence_guard

    evidence_guard.check(store)
    page = SupervisionTab(context)
    qtbot.addWidget(page)
    page.show()
    page.set_item(ids[0])
    text = page.text.text()
    assert "〔2026〕1号" in text and "同一文件" in text and "未提出销号申请" in text


def test_proposal_panel_saves_and_counts_the_deadline(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    item_id = context.store.items()[0].id
    panel = ProposalPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_item(item_id)
    panel.kind.setCurrentIndex(panel.kind.findData(ProposalKind.CONGRESS.value))
    panel.code.setText("45")
    panel.proposer.setText("张代表")
    panel.assigned.setChecked(True)
    panel.assigned_on.setDate(to_qdate(dt.date(2026, 1, 20)))
    panel.save()
    assert told == []
    found = proposals.proposal(context.store, item_id)
    assert found is not None and found.code == "45" and found.kind is ProposalKind.CONGRESS
    assert "期限为2026年4月20日" in panel.deadline.text()
    assert context.store.item(item_id).deadline.date == dt.date(2026, 4, 20)

    def fill(dialog: ContactDialog) -> None:
        dialog.method.setCurrentIndex(dialog.method.findData("电话沟通"))
        dialog.opinions.setValue(2)

    answer(monkeypatch, ContactDialog, fill)
    panel.add_contact()
    assert "电话沟通" in panel.contacts.text()
    assert proposals.year_figures(context.store, 2026).phone == 1


def test_holidays_dialog_shows_a_published_year_and_takes_a_new_one(
    qtbot: Any, context: AppContext, told: list[str]
) -> None:
    from rectdesk.services import workcalendar
    from rectdesk.ui.holidays_dialog import HolidaysDialog, parse_days

    dialog = HolidaysDialog(context)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    assert "2026-02-15..2026-02-23" in dialog.rest.toPlainText()
    assert "国务院公布" in dialog.source.text()
    dialog.year.setValue(2099)
    assert "尚未录入" in dialog.source.text()
    dialog.rest.setPlainText("2099-01-01\n2099-02-06..2099-02-12")
    dialog.work.setPlainText("2099-02-01")  # a Sunday made a working day
    dialog.save()
    assert told == []
    table = workcalendar.table(context.store)
    assert table.knows(2099) and table.is_holiday(dt.date(2099, 2, 10))
    assert table.is_workday(dt.date(2099, 2, 1))
    dialog.work.setPlainText("2099-02-02")  # a Monday: not a 调休 day
    dialog.save()
    assert told and "本来就是工作日" in told[-1]
    with pytest.raises(UserError, match="不是日期"):
        parse_days("明年春节")


def _assigned_panel(qtbot: Any, context: AppContext) -> tuple[int, ProposalPanel]:
    """The first item as a proposal assigned on 2026-01-20, shown in its panel."""
    from rectdesk.domain.proposals import Proposal

    item_id = context.store.items()[0].id
    proposals.save(context.store, Proposal(item_id, assigned_on=dt.date(2026, 1, 20)))
    panel = ProposalPanel(context)
    qtbot.addWidget(panel)
    panel.set_item(item_id)
    return item_id, panel


def test_a_second_answer_follows_a_dissatisfied_first_one(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    from rectdesk.ui.proposal_panel import AnswerDialog

    item_id, panel = _assigned_panel(qtbot, context)
    rounds: list[tuple[int, str]] = []

    def fill(dialog: AnswerDialog) -> None:
        rounds.append((dialog.round, dialog.windowTitle()))
        dialog.on.setDate(to_qdate(dt.date(2026, 2, 1 + len(rounds))))
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("不满意"))

    answer(monkeypatch, AnswerDialog, fill)
    assert proposals.next_round(context.store, item_id) == 1
    panel.add_answer()
    assert proposals.next_round(context.store, item_id) == 2
    panel.add_answer()
    assert told == []
    assert rounds == [(1, "登记答复"), (2, "登记重新办理的答复")]
    assert [a.round for a in proposals.answers(context.store, item_id)] == [1, 2]


def test_answering_again_starts_from_the_answer_on_record(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    from rectdesk.ui.proposal_panel import AnswerDialog

    item_id, panel = _assigned_panel(qtbot, context)
    seen: list[tuple[str, str, str]] = []

    def first(dialog: AnswerDialog) -> None:
        dialog.on.setDate(to_qdate(dt.date(2026, 4, 10)))
        dialog.signer.setText("王局长")
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("满意"))
        dialog.feedback_on.setDate(to_qdate(dt.date(2026, 4, 12)))

    def correction(dialog: AnswerDialog) -> None:
        seen.append((dialog.signer.text(), str(dialog.satisfaction.currentData()),
                     dialog.on.date().toString("yyyy-MM-dd")))  # fmt: skip
        dialog.answer_class.setCurrentIndex(dialog.answer_class.findData("B"))

    answer(monkeypatch, AnswerDialog, first)
    panel.add_answer()
    answer(monkeypatch, AnswerDialog, correction)
    panel.add_answer()
    assert told == []
    assert seen == [("王局长", "满意", "2026-04-10")]
    (kept,) = proposals.answers(context.store, item_id)
    assert (kept.answer_class, kept.signer, kept.satisfaction) == ("B", "王局长", "满意")
    assert kept.feedback_on == dt.date(2026, 4, 12)


def test_the_proposal_page_shows_where_the_service_says_it_applies(
    qtbot: Any, context: AppContext
) -> None:
    from PySide6.QtGui import QUndoStack

    from rectdesk.domain.proposals import Proposal
    from rectdesk.ui.detail_panel import DetailPanel

    stack = QUndoStack()
    panel = DetailPanel(context, stack)
    stack.setParent(panel)
    qtbot.addWidget(panel)
    store = context.store
    page = panel.tabs.indexOf(panel.proposal)
    for item in store.items():
        panel.show_item(item.id)
        assert panel.tabs.isTabVisible(page) == proposals.applies(store, item.id), item.id
    plain = next(i.id for i in store.items() if not proposals.applies(store, i.id))
    proposals.save(store, Proposal(plain))
    panel.show_item(plain)
    assert panel.tabs.isTabVisible(page)

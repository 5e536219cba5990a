"""The first start on an empty data file: who is working, and where to begin."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.services import settings
from rectdesk.services.context import AppContext

#: What the clerk chose to do first.
IMPORT, DEMO, LATER = "import", "demo", "later"


class WelcomeDialog(QDialog):
    """Ask for 填报单位 and 填报人 (they sign the ledger and the reports), then a first step."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choice = LATER
        self.setWindowTitle(self.tr("欢迎使用"))
        self.setMinimumWidth(520)
        store = context.store
        intro = QLabel(
            self.tr(
                "数据文件还是空的。先写上填报单位和填报人：台账记录、变更记录和报表落款都用它们"
                "（以后可在“文件 → 设置”中修改）。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.unit_name = QLineEdit(str(settings.get(store, "unit_name")), self)
        self.unit_name.setPlaceholderText(self.tr("如：××县卫生健康局"))
        self.clerk_name = QLineEdit(str(settings.get(store, "clerk_name")), self)
        self.clerk_name.setPlaceholderText(self.tr("您的姓名"))
        form = QFormLayout()
        form.addRow(self.tr("填报单位："), self.unit_name)
        form.addRow(self.tr("填报人："), self.clerk_name)
        start = QLabel(self.tr("从哪里开始？"), self)
        self.import_button = QPushButton(self.tr("导入上级下发的表格…"), self)
        self.import_button.setToolTip(
            self.tr("选择上级下发的 Excel、WPS 或 CSV 表格，按向导导入为一个批次")
        )
        self.demo_button = QPushButton(self.tr("载入示例数据，先熟悉一下"), self)
        self.demo_button.setToolTip(
            self.tr("三个示例批次，日期按今天排好；熟悉后可以删除示例批次的事项")
        )
        self.later_button = QPushButton(self.tr("以后再说"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self._choose(IMPORT))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        self.later_button.clicked.connect(lambda: self._choose(LATER))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(start)
        layout.addLayout(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.save()
        self.accept()

    def save(self) -> None:
        """Keep the names typed (an empty field leaves the setting as it was)."""
        values = {"unit_name": self.unit_name.text().strip(),
                  "clerk_name": self.clerk_name.text().strip()}  # fmt: skip
        settings.save(self.context.store, values, keep_empty=True)

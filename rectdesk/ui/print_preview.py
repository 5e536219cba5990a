"""Print preview: the very pages of the exported PDF (QtPdf), and the system print dialog."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PdfPages(QWidget):
    """A scrolling view of PDF pages held in memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, data: bytes) -> int:
        """Show new PDF bytes; returns the page count."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer
        return int(self.document.pageCount())

    def page_count(self) -> int:
        return int(self.document.pageCount())


def paper_size(width: float, height: float) -> QPageSize:
    """The printer paper for a PDF page of this size in points (A4, A3, B5… matched)."""
    short, long = sorted((width, height))
    return QPageSize(
        QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the PDF's pages (or the range the clerk chose) at the printer's resolution."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or count, count)
    size = document.pagePointSize(0)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if size.width() > size.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageSize(paper_size(size.width(), size.height()))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for page in range(first - 1, last):
            if printed:
                printer.newPage()
            target = painter.viewport()
            dpi = printer.resolution()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image: QImage = document.render(page, pixels)
            scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
            printed += 1
    finally:
        painter.end()
    return printed


class PrintPreviewDialog(QDialog):
    """Shows the PDF pages; 打印 opens the system print dialog."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 — {0}").format(title))
        self.resize(1000, 760)
        self.pages = PdfPages(self)
        count = self.pages.load(data)
        self.info = QLabel(self.tr("共 {0} 页").format(count), self)
        self.zoom = QComboBox(self)
        self.zoom.addItem(self.tr("适合宽度"), QPdfView.ZoomMode.FitToWidth)
        self.zoom.addItem(self.tr("整页"), QPdfView.ZoomMode.FitInView)
        self.zoom.currentIndexChanged.connect(self._zoom)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.info)
        bar.addStretch(1)
        bar.addWidget(self.zoom)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)

    def _zoom(self, _index: int) -> None:
        self.pages.view.setZoomMode(self.zoom.currentData())

    def print_pages(self) -> int:
        """Ask the system print dialog, then print; returns the pages sent."""
        self.printer.setFromTo(1, self.pages.page_count())
        dialog = QPrintDialog(self.printer, self)
        dialog.setMinMax(1, self.pages.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        sent = print_document(self.pages.document, self.printer)
        self.info.setText(self.tr("已发送 {0} 页到打印机").format(sent))
        return sent

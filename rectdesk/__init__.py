"""RectDesk 整改台账桌面助手: the rectification ledger for county health bureaus."""

__version__ = "0.1.0"

"""Error types shared by every layer, and the translatable messages they carry.

A message is a Chinese *template* with named values: ``UserError(QT_TRANSLATE_NOOP("Errors",
"找不到编号为 {item_id} 的事项。"), item_id=7)``. The template goes through the translator
installed with :func:`install_translator` (the window installs Qt's; the command line keeps
the identity, so it speaks Chinese) and the values are then filled in. Values are never part of
a template, so braces in a clerk's text cannot break a message. ``pyside6-lupdate`` finds the
templates by the name ``QT_TRANSLATE_NOOP``, defined here because the domain may not import Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

# The translation context of every message below the window.
CONTEXT = "Errors"
# The context of the interface's labels (statuses, field names), listed in rectdesk/ui/labels.py.
LABELS = "Labels"

Translator = Callable[[str, str], str]


def _unchanged(context: str, text: str) -> str:
    return text


_translate: Translator = _unchanged


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the translation files; returns it unchanged."""
    return text


def install_translator(translate: Translator | None) -> None:
    """Translate every message from now on with ``translate(context, text)``; None: Chinese."""
    global _translate
    _translate = translate or _unchanged


def translated(context: str, text: str) -> str:
    """``text`` in the interface language (unchanged when there is no translation)."""
    return _translate(context, text) or text


class Label(str):
    """A value that is itself a label of the interface (a status, a field's name).

    Shown through the ``Labels`` context, so a message about ``已销号`` says "Closed" in
    English; a text that is not a listed label comes back unchanged.
    """


class Listing(tuple[Any, ...]):
    """Several values shown as one, joined with the interface's list separator (、 or , )."""

    def __new__(cls, values: Iterable[Any]) -> Listing:
        return super().__new__(cls, tuple(values))


class Message:
    """A sentence to be shown later: a template and its values, translated when it is read.

    Used for the parts of a message made elsewhere (why a write failed, what is wrong with a
    file): as a value of another message, or as the whole of a UserError's message.
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return localized(self.template, **self.values)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_message, (self.template, self.values))


def _message(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


# The list separator, translated like the messages.
SEPARATOR = QT_TRANSLATE_NOOP("Errors", "、")


def _shown(value: object, translate: Translator | None = None) -> object:
    say = translate or translated
    if isinstance(value, Label):
        return say(LABELS, str(value))
    if isinstance(value, Message):
        if translate is not None:
            return written(value.template, **value.values)
        return str(value)
    if isinstance(value, Listing):
        return say(CONTEXT, SEPARATOR).join(str(_shown(part, translate)) for part in value)
    return value


def listing(values: Iterable[object]) -> str:
    """Values joined with the interface's list separator (、 or , ), labels translated."""
    return str(_shown(Listing(values)))


def localized(template: str, **values: object) -> str:
    """``template`` in the interface language with ``values`` filled in.

    Without values the template is shown as it is (a message written whole, braces and all).
    A translation that names a value the message does not carry falls back to the Chinese.
    """
    text = translated(CONTEXT, template)
    if not values:
        return text
    shown = {name: _shown(value) for name, value in values.items()}
    for candidate in (text, template):
        try:
            return candidate.format_map(shown)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            continue
    return template


def written(template: str, **values: object) -> str:
    """``template`` with ``values`` filled in, in Chinese whatever the interface language:
    for the documents RectDesk writes (a binder, a letter), which stay Chinese."""
    shown = {name: _shown(value, _unchanged) for name, value in values.items()}
    try:
        return template.format_map(shown) if values else template
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return template


class UserError(Exception):
    """A failure the clerk can understand and act on.

    ``template`` is one plain Chinese sentence saying what went wrong and what to do, with
    ``{name}`` where a value goes (or a :class:`Message` made elsewhere, whose values join
    these); ``message`` is that sentence in the interface language with the values filled in.
    ``detail`` carries technical context for the log file only.
    """

    def __init__(self, template: str | Message, detail: str = "", **values: object) -> None:
        if isinstance(template, Message):
            values = {**template.values, **values}
            template = template.template
        super().__init__(template)
        self.template: str = template
        self.detail = detail
        self.values = values

    @property
    def message(self) -> str:
        """The sentence the clerk reads, in the interface language."""
        return localized(self.template, **self.values)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.template, self.detail, self.values))


def _rebuild(
    kind: type[UserError], template: str, detail: str, values: dict[str, Any]
) -> UserError:
    return kind(template, detail, **values)


class TransitionError(UserError):
    """A status change the rules do not allow."""


class ConflictError(UserError):
    """An edit made against items someone else changed since the clerk read them.

    Nothing of the edit was written. ``item_ids`` names the items that changed meanwhile, so
    the window can load them again.
    """

    @property
    def item_ids(self) -> tuple[int, ...]:
        """The items another clerk changed (or deleted) since they were read."""
        found = self.values.get("item_ids", ())
        return tuple(int(i) for i in found) if isinstance(found, (tuple, list)) else ()


class StoreLockedError(UserError):
    """Another copy of RectDesk is writing to the same store."""


class StoreDamagedError(UserError):
    """The store file failed its integrity check."""


class StoreBusyError(UserError):
    """Another process is writing to the store right now; it is not damaged."""


class ConnectionLostError(UserError):
    """The ledger's server went away mid-work; nothing half-written was kept."""


class StoreMissingError(UserError):
    """The store file named does not exist (and the command may not create one)."""


class StoreForeignError(UserError):
    """The file is another program's database, not a RectDesk store."""


class StoreEmptyError(StoreDamagedError):
    """The store file is empty (0 bytes) while sound backups of it exist."""

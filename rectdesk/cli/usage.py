"""Usage errors said in one Chinese sentence: what is wrong with the command line, what to do.

argparse words its complaints in English (``unrecognized arguments: --bogus``); each known
form is recognised here and said again in Chinese. The forms are matched loosely, as their
wording varies a little between Python versions; one not recognised is still wrapped in a
Chinese sentence that says where to look.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

#: The metavars the command modules give their sub-command choosers.
COMMAND_WORDS = ("命令", "子命令")

_HAN = re.compile(r"[\u3400-\u9fff]")


def _names(text: str) -> list[str]:
    """argparse's list of names or choices (``'a', 'b'`` or ``a, b``) as plain names."""
    return [part.strip().strip("'\"") for part in text.split(",") if part.strip()]


def _what(argument: str) -> str:
    """How an argument is named: 选项 --limit, 参数 ID, or the 命令 itself."""
    if argument in COMMAND_WORDS:
        return argument
    return f"选项 {argument}" if argument.startswith("-") else f"参数 {argument}"


def _help(prog: str) -> str:
    return f"请运行“{prog} --help”查看写法"


def _unrecognized(m: re.Match[str], prog: str) -> str:
    given = " ".join(m["args"].split())
    return f"不认识“{given}”；{_help(prog)}和可用的选项。"


def _required(m: re.Match[str], prog: str) -> str:
    names = _names(m["args"])
    commands = [n for n in names if n in COMMAND_WORDS]
    if commands:
        return f"缺少{commands[0]}；请运行“{prog} --help”查看可用的{commands[0]}。"
    return f"缺少必须填写的{'、'.join(_what(n) for n in names)}；{_help(prog)}。"


def _choice(m: re.Match[str], prog: str) -> str:
    value = m["value"].strip("'\"")
    choices = _names(m["choices"])
    if m["arg"] in COMMAND_WORDS:
        close = difflib.get_close_matches(value, choices, n=1)
        hint = f"（是不是要用“{close[0]}”？）" if close else ""
        word = m["arg"]
        return f"没有“{value}”这个{word}{hint}；请运行“{prog} --help”查看可用的{word}。"
    return f"{_what(m['arg'])} 不能取“{value}”；请从 {'、'.join(choices)} 中选一个。"


def _missing_value(m: re.Match[str], prog: str) -> str:
    what = _what(m["arg"])
    return f"{what} 后面缺少取值；请在它后面写上取值（可运行“{prog} --help”查看写法）。"


def _conflict(m: re.Match[str], prog: str) -> str:
    return f"{_what(m['arg'])} 不能和 {m['other']} 同时使用；请只用其中一个。"


def _explicit(m: re.Match[str], prog: str) -> str:
    value = m["value"].strip("'\"")
    return f"{_what(m['arg'])} 不带取值；请去掉后面的“={value}”。"


def _bad_value(m: re.Match[str], prog: str) -> str:
    value = m["value"].strip("'\"")
    return f"{_what(m['arg'])} 的取值“{value}”不对；{_help(prog)}。"


def _own_reason(m: re.Match[str], prog: str) -> str:
    # RectDesk's own converters (whole_number…) already say why in Chinese.
    return f"{_what(m['arg'])} 的取值有误：{m['reason'].rstrip('。')}；{_help(prog)}。"


def _ambiguous(m: re.Match[str], prog: str) -> str:
    matches = "、".join(_names(m["matches"]))
    return f"选项 {m['option']} 不明确，可能是 {matches}；请写出完整的选项名。"


def _one_of(m: re.Match[str], prog: str) -> str:
    names = "、".join(m["args"].split())
    return f"需要 {names} 中的一个；请写上其中一个。"


_ARG = r"argument (?P<arg>.+?): "
_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], str]], ...] = tuple(
    (re.compile(pattern, re.DOTALL), say)
    for pattern, say in (
        (r"unrecognized arguments?: (?P<args>.+)", _unrecognized),
        (r"the following arguments are required: (?P<args>.+)", _required),
        (_ARG + r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)", _choice),
        (_ARG + r"expected (?:one|at most one|at least one|\d+) arguments?", _missing_value),
        (_ARG + r"not allowed with argument (?P<other>.+)", _conflict),
        (_ARG + r"ignored explicit argument (?P<value>.+)", _explicit),
        (_ARG + r"invalid \S+ value: (?P<value>.+)", _bad_value),
        (_ARG + r"(?P<reason>.*[\u3400-\u9fff].*)", _own_reason),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", _ambiguous),
        (r"one of the arguments (?P<args>.+) is required", _one_of),
    )
)


def usage_sentence(message: str, prog: str) -> str:
    """argparse's ``message`` about the command line of ``prog``, said in one Chinese sentence."""
    text = message.strip()
    for pattern, say in _FORMS:
        match = pattern.fullmatch(text)
        if match is not None:
            return say(match, prog)
    if _HAN.search(text):
        return f"{text.rstrip('。')}；{_help(prog)}。"
    return f"命令行写法不对（{text}）；{_help(prog)}。"

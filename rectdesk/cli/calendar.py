"""Deadlines counted in working days, and the holiday calendar behind them."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

from rectdesk.cli.common import open_store, parse_day, print_json
from rectdesk.domain.errors import UserError
from rectdesk.services import workcalendar

_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$")
#: A calendar year spans at most this many days (a range longer than a year is a typing error).
_MAX_RANGE_DAYS = 366


def register(commands: Any) -> None:
    """Add the calendar commands."""
    explain = commands.add_parser(
        "deadline-explain", help="按工作日、日或月计算期限，并说明怎样算的"
    )
    explain.add_argument(
        "text", metavar="TEXT", help="如“收到之日起20个工作日内”“交办之日起3个月内”"
    )
    explain.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD",
                         help="起算的事件日期（收到、交办之日）")  # fmt: skip
    explain.add_argument("--json", action="store_true", help="输出 JSON")
    explain.set_defaults(handler=cmd_explain)

    holidays = commands.add_parser("holidays", help="查看或录入某年的法定节假日和调休安排")
    holidays.add_argument("year", type=int, metavar="YEAR")
    holidays.add_argument("--rest", metavar="DATES",
                          help="放假日期，逗号分隔，区间写作 2027-02-06..2027-02-13")  # fmt: skip
    holidays.add_argument("--work", metavar="DATES", help="调休上班的周六、周日，逗号分隔")
    holidays.add_argument("--json", action="store_true", help="输出 JSON")
    holidays.set_defaults(handler=cmd_holidays)


def cmd_explain(args: argparse.Namespace) -> int:
    start = parse_day(args.start)
    with open_store(args, write=False) as store:
        counted = workcalendar.deadline(store, args.text, start)
    if args.json:
        print_json({
            "text": args.text, "from": start.isoformat(), "deadline": counted.date.isoformat(),
            "unit": counted.period.unit.value, "amount": counted.period.amount,
            "explanation": counted.explanation,
            "missing_years": list(counted.missing_years),
        })  # fmt: skip
    else:
        print(counted.explanation)
    return 0


def _dates(text: str | None) -> list[dt.date]:
    days: list[dt.date] = []
    for part in filter(None, (p.strip() for p in (text or "").replace("，", ",").split(","))):
        found = _RANGE.match(part)
        if found is None:
            raise UserError(
                "“{text}”不是日期，请写成 2027-02-06 或 2027-02-06..2027-02-13。", text=part
            )
        first = parse_day(found.group(1))
        last = parse_day(found.group(2)) if found.group(2) else first
        if not 0 <= (last - first).days <= _MAX_RANGE_DAYS:
            raise UserError("日期区间“{text}”不对，请把较早的日期写在前面。", text=part)
        days.extend(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    return days


def cmd_holidays(args: argparse.Namespace) -> int:
    if not 1949 < args.year < 2200:
        raise UserError("年份{year}不对，请写四位年份，如 2027。", year=args.year)
    if args.rest is None and args.work is None:
        with open_store(args, write=False) as store:
            table = workcalendar.table(store)
            entered = workcalendar.entered_years(store).get(args.year)
        known = table.knows(args.year)
        rest = entered["rest"] if entered else _published(table, args.year, rest=True)
        work = entered["work"] if entered else _published(table, args.year, rest=False)
        if args.json:
            print_json({"year": args.year, "known": known, "entered": entered is not None,
                        "rest": rest, "work": work})  # fmt: skip
        elif not known:
            print(
                f"{args.year}年的法定节假日安排尚未录入；用 --rest 和 --work 录入国务院公布的安排。"
            )
        else:
            source = "本单位录入" if entered else "国务院公布"
            print(f"{args.year}年（{source}）放假：{'、'.join(rest) or '无'}")
            print(f"调休上班：{'、'.join(work) or '无'}")
        return 0
    with open_store(args, write=True) as store:
        value = workcalendar.enter_year(store, args.year, _dates(args.rest), _dates(args.work))
    print(f"已录入{args.year}年：放假{len(value['rest'])}天，调休上班{len(value['work'])}天。")
    return 0


def _published(table: workcalendar.CalendarTable, year: int, *, rest: bool) -> list[str]:
    day, end, found = dt.date(year, 1, 1), dt.date(year, 12, 31), []
    while day <= end:
        if (rest and table.is_holiday(day)) or (
            not rest and day.weekday() >= 5 and table.is_workday(day)
        ):
            found.append(day.isoformat())
        day += dt.timedelta(days=1)
    return found

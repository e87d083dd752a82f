"""`ayneh verify_audit`: walk the audit log's hash chain and report the first broken link.

Exit status 0 with a one-line Persian and English summary when the chain is intact, then the head as
SEQ:HASH (keep it elsewhere and pass it back later with --anchor to prove nothing before it was rewritten);
exit status 1 with the break's sequence number, row id and what is wrong otherwise.
"""

from argparse import ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ayneh.core.auditchain import BreakKind, ChainBreak, Link, audit_chain_verify
from ayneh.core.jalali import persian_digits

# The report is bilingual by design, whatever the active language: the operator who runs it and the auditor
# who reads its archived output may each read only one of the two. So both halves are written out here
# rather than translated.
BREAK_FA = {
    BreakKind.EDITED: "ردیف ویرایش شده است (محتوایش با هش خودش نمی‌خواند)",
    BreakKind.DELETED: "ردیف‌هایی حذف شده‌اند (در شماره‌ها شکاف هست)",
    BreakKind.INSERTED: "ردیفی بیرون از ثبت ممیزی افزوده شده است",
    BreakKind.RELINKED: "پیوند به ردیف پیشین نمی‌خواند (ردیف پیشین بازنویسی شده است)",
    BreakKind.HEAD: "سرِ زنجیره با ردیف‌ها نمی‌خواند",
    BreakKind.ANCHOR: "لنگرِ ثبت‌شده دیگر در زنجیره نیست (زنجیره بازنویسی شده است)",
}


def anchor_argument(text: str) -> Link:
    try:
        return Link.parse(text)
    except ValueError as error:
        raise ArgumentTypeError(str(error)) from error


def break_message(broken: ChainBreak) -> str:
    where_fa = f"ردیف شمارهٔ {persian_digits(broken.seq)}"
    where_en = f"seq {broken.seq}"
    if broken.entry_id is not None:
        where_fa += f" (شناسهٔ {persian_digits(broken.entry_id)})"
        where_en += f" (id {broken.entry_id})"
    return (
        f"زنجیرهٔ گزارش ممیزی در {where_fa} شکسته است: {BREAK_FA[broken.kind]}.\n"
        f"Audit chain broken at {where_en}: {broken.kind} — {broken.detail}."
    )


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; exit status 1 at the first edited, deleted or inserted row."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--anchor",
            type=anchor_argument,
            help="SEQ:HASH printed by an earlier run: the chain must still hold that row with that hash.",
        )

    def handle(self, *args: Any, anchor: Link | None = None, **options: Any) -> None:
        report = audit_chain_verify(anchor=anchor)
        if report.broken is not None:
            raise CommandError(break_message(report.broken), returncode=1)
        count = report.entries
        self.stdout.write(
            f"زنجیرهٔ گزارش ممیزی سالم است: {persian_digits(count)} ردیف بررسی شد. — "
            f"Audit chain intact: {count} entries verified."
        )
        if report.head is not None:
            self.stdout.write(f"head {report.head}")

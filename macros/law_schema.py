"""The shape of data/law.yml, the register of legal rules, as pydantic models.

One record per rule the site relies on: the act, article and point it sits in, what it gives the
buyer in one plain sentence, its figures as data, the editions that changed it, where its text was
read and whether that confirmed it. Pages and the claim builder read these records; a change in
the law is an edit here, and the check (sitecheck/law.py) names every page that must be reread.
`python -c "from macros.law_schema import main; main()"` writes the JSON Schema (`make schema`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, field_validator, model_validator

from .contacts_schema import _Strict, file_schema, print_schema, today

Slug = Annotated[
    str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60, description="Latin, lower case, words joined by «-»")
]
# An article or point number as laws write them: 23, 23.1, 333.36, 2.2.
Number = Annotated[str, Field(pattern=r"^\d{1,4}(\.\d{1,3})?$", description="A number as the act writes it: 23, 23.1")]
Unit = Literal["percent", "days", "working-days", "months", "years", "rubles"]
ActKind = Literal["law", "code", "decree", "court", "international"]
Status = Literal["confirmed", "unconfirmed"]
# Plain sentences for readers: one line, bounded, no markup (they reach pages and the builder's letters).
Sentence = Annotated[str, Field(min_length=10, max_length=600)]

_MARKUP = re.compile(r"[<>{}`\[\]]|\{\{|\{%")


def _plain(value: str) -> str:
    if _MARKUP.search(value):
        raise ValueError("write plain text: no <, >, {, }, [, ] or backticks (pages show it as it is)")
    if "\n" in value.strip():
        raise ValueError("write it on one line (use >- in YAML for a long sentence)")
    return " ".join(value.split())


def _https(url: HttpUrl) -> HttpUrl:
    if url.scheme != "https":
        raise ValueError(f"«{url}» is not https; write the https:// address of the text you read")
    return url


class Act(_Strict):
    """A law, code, decree or court document that rules sit in."""

    id: Slug
    title: Sentence = Field(description="The full official name with date and number")
    cite: str = Field(
        min_length=2,
        max_length=60,
        description="How a citation names the act after the article: «ЗоЗПП», «ГК РФ», «Закона № 161-ФЗ»",
    )
    also: list[Annotated[str, Field(min_length=2, max_length=60)]] = Field(
        default_factory=list, max_length=5, description="Other ways pages name it: «Закона РФ № 2300-1»"
    )
    kind: ActKind
    source: HttpUrl = Field(description="An official or reputable published text of the act (https)")

    _url = field_validator("source")(lambda cls, v: _https(v))
    _title = field_validator("title")(lambda cls, v: _plain(v))


class Figure(_Strict):
    """One figure of a rule: a number with its unit (1 %, 10 days, 100 000 ₽) or, for a cap or a
    condition that is not a number, a short text («не больше суммы, уплаченной за товар»)."""

    value: float | None = Field(default=None, ge=0, le=1_000_000_000)
    unit: Unit | None = None
    text: str | None = Field(default=None, min_length=3, max_length=200)

    _text = field_validator("text")(lambda cls, v: v if v is None else _plain(v))

    @model_validator(mode="after")
    def _number_or_text(self) -> "Figure":
        if (self.value is None) != (self.unit is None):
            raise ValueError("a figure has both «value:» and «unit:», or neither and a «text:»")
        if self.value is None and not self.text:
            raise ValueError("a figure needs «value:» and «unit:» (1 and percent), or «text:»")
        return self


class Edition(_Strict):
    """A law that changed the rule, and the day the change came into force."""

    by: str = Field(min_length=5, max_length=200, description="«Федеральный закон от 28.12.2025 № 500-ФЗ»")
    in_force: dt.date = Field(description="The day the changed text applies from, YYYY-MM-DD")
    what: Sentence = Field(description="What changed for the buyer, in one plain sentence")

    _by = field_validator("by")(lambda cls, v: _plain(v))
    _what = field_validator("what")(lambda cls, v: _plain(v))


class Rule(_Strict):
    """One rule: where it sits, what it gives, its figures, its editions and its source."""

    id: Slug
    act: Slug
    article: Number | None = Field(
        default=None, description="The article; none for a decree or a ruling cited by point"
    )
    part: Number | None = Field(default=None, description="ч.: the part of the article")
    point: list[Number] = Field(default_factory=list, description="п.: one or more points of the article (or act)")
    subpoint: Number | None = Field(default=None, description="пп.: the subpoint of the point")
    title: str = Field(min_length=3, max_length=80, description="A few words a reader scans: «неустойка за брак»")
    gives: Sentence = Field(description="What the rule gives the buyer, in one plain Russian sentence")
    figures: dict[Slug, Figure] = Field(default_factory=dict, max_length=12)
    editions: list[Edition] = Field(default_factory=list, max_length=20)
    source: HttpUrl = Field(description="Where the text was read: an official or reputable published copy (https)")
    checked: dt.date = Field(description="When someone last read the source, YYYY-MM-DD")
    status: Status
    unconfirmed: str | None = Field(
        default=None, max_length=300, description="For an unconfirmed rule: what is not confirmed and why"
    )

    _url = field_validator("source")(lambda cls, v: _https(v))
    _gives = field_validator("gives", "title")(lambda cls, v: _plain(v))

    @field_validator("point", mode="before")
    @classmethod
    def _one_point_is_a_list(cls, value: object) -> object:
        return [value] if isinstance(value, (str, int, float)) else value

    @field_validator("point", mode="after")
    @classmethod
    def _points_once(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a point is listed twice; keep each once")
        return value

    @field_validator("checked")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > today():
            raise ValueError(
                f"date {value.isoformat()} is in the future; write the day you read the source "
                f"(today is {today().isoformat()})"
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "Rule":
        if self.subpoint and len(self.point) != 1:
            raise ValueError("a subpoint (пп.) belongs to exactly one point: write one «point:»")
        if self.status == "unconfirmed" and not self.unconfirmed:
            raise ValueError("an unconfirmed rule needs «unconfirmed:»: what is not confirmed, for readers")
        if self.status == "confirmed" and self.unconfirmed:
            raise ValueError("a confirmed rule has no «unconfirmed:»; delete it or set status: unconfirmed")
        if self.article is None and not self.point:
            raise ValueError("a rule names its article, or (for a decree or a ruling) its point")
        dates = [edition.in_force for edition in self.editions]
        if dates != sorted(dates):
            raise ValueError("list «editions:» oldest first")
        return self

    @property
    def last_change(self) -> Edition | None:
        """The newest edition, or None when the register records no change."""
        return self.editions[-1] if self.editions else None


class LawFile(_Strict):
    acts: list[Act] = Field(min_length=1, max_length=200)
    rules: list[Rule] = Field(min_length=1, max_length=2000)


def json_schema() -> dict:
    return file_schema(LawFile, "data/law.yml")


def main() -> None:
    """Print the JSON Schema (`make schema`)."""
    print_schema(json_schema())


if __name__ == "__main__":
    main()

"""The shape of data/contacts.yml, as pydantic models.

This module is the single definition of what a contact is; `python -m macros.contacts_schema`
writes the JSON Schema that editors' YAML plugins use for completion.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from functools import cached_property
from typing import Annotated, Literal, Union

import phonenumbers
from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, field_validator, model_validator

from . import contact_values

Status = Literal["current", "unconfirmed", "obsolete"]
Audience = Literal["all", "premium", "ozon-card"]
OrgKind = Literal["marketplace", "bank", "courier", "authority", "court", "consumer-society", "editorial"]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Latin, lower case, words joined by «-»")]

PHONE_EXAMPLE = contact_values.PHONE_EXAMPLE


def today() -> dt.date:
    """Today's date; a function so tests can move the clock."""
    return dt.date.today()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Channel(_Strict):
    id: Slug
    label: str = Field(min_length=3, description="What the reader sees as the name of this channel")
    audience: list[Audience] = Field(default=["all"], min_length=1)
    hours: str | None = Field(default=None, description="Working hours in plain Russian, e.g. «круглосуточно»")
    status: Status
    source: str = Field(min_length=3, description="URL or document where the value was checked or seen")
    checked: dt.date = Field(description="When someone last looked at the source, YYYY-MM-DD")
    seen: str | None = Field(default=None, description="Where an unconfirmed value was seen; shown in its tooltip")
    note: str | None = Field(default=None, description="One or two sentences for readers")
    replaced_by: Slug | None = Field(default=None, description="For an obsolete channel: the id to use instead")

    @field_validator("checked")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > today():
            raise ValueError(
                f"date {value.isoformat()} is in the future; write the day you checked the source "
                f"(today is {today().isoformat()})"
            )
        return value

    @model_validator(mode="after")
    def _status_needs_explanation(self) -> "_Channel":
        if self.status == "unconfirmed" and not self.seen:
            raise ValueError("an unconfirmed channel needs «seen:»: where and how it was last seen")
        if self.status == "obsolete" and not self.note:
            raise ValueError("an obsolete channel needs «note:»: why it no longer works, for readers")
        if self.replaced_by and self.status != "obsolete":
            raise ValueError("only an obsolete channel has «replaced_by:»; delete it or set status: obsolete")
        return self


def _https_only(url: HttpUrl) -> HttpUrl:
    if url.scheme != "https":
        raise ValueError(f"«{url}» is not https; write the https:// address")
    problem = contact_values.host_problem(url.host or "")
    if problem:
        raise ValueError(f"«{url}»: {problem}; type the address again from the organisation's site")
    return url


class PhoneChannel(_Channel):
    type: Literal["phone"]
    number: str = Field(description=f"International form, e.g. {PHONE_EXAMPLE}")
    region: str = Field(description="Where the number is meant to be called from, e.g. «вся Россия», «Москва»")
    free: bool = Field(description="true when calls are free for the caller")

    @field_validator("number")
    @classmethod
    def _valid_phone(cls, value: str) -> str:
        problem = contact_values.phone_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    # Cached: every guide shows a few phones, and parsing one is most of what a phone() call costs.
    @cached_property
    def parsed(self) -> phonenumbers.PhoneNumber:
        return phonenumbers.parse(self.number, "RU")

    @cached_property
    def e164(self) -> str:
        return phonenumbers.format_number(self.parsed, phonenumbers.PhoneNumberFormat.E164)

    @cached_property
    def display(self) -> str:
        """How Russians write it: 8 (800) 555-49-43."""
        return phonenumbers.format_number(self.parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


class EmailChannel(_Channel):
    type: Literal["email"]
    email: EmailStr

    @field_validator("email")
    @classmethod
    def _no_look_alike(cls, value: str) -> str:
        problem = contact_values.email_problem(value)
        if problem:
            raise ValueError(f"«{value}»: {problem}; type the address again from the organisation's site")
        return value


class ChatChannel(_Channel):
    type: Literal["chat"]
    where: str = Field(min_length=3, description="How to open the chat, e.g. «Профиль → Помощь → Чат»")
    url: HttpUrl | None = None

    _https = field_validator("url")(lambda cls, v: v if v is None else _https_only(v))


class WebChannel(_Channel):
    type: Literal["web"]
    url: HttpUrl

    _https = field_validator("url")(lambda cls, v: _https_only(v))


class SocialChannel(_Channel):
    type: Literal["social"]
    network: Literal["ВКонтакте", "Telegram", "Одноклассники"] = Field(
        description="Only networks that work in Russia; Facebook and Instagram are banned there"
    )
    url: HttpUrl

    _https = field_validator("url")(lambda cls, v: _https_only(v))


class AddressChannel(_Channel):
    type: Literal["address"]
    recipient: str | None = None
    postal_code: Annotated[str, Field(pattern=r"^\d{6}$", description="Six digits")] | None = None
    address: str = Field(min_length=5)

    @property
    def display(self) -> str:
        return ", ".join(part for part in (self.postal_code, self.address) if part)


Channel = Annotated[
    Union[PhoneChannel, EmailChannel, ChatChannel, WebChannel, SocialChannel, AddressChannel],
    Field(discriminator="type"),
]
CHANNEL_TYPES = ("phone", "email", "chat", "web", "social", "address")


class Organization(_Strict):
    id: Slug
    name: str
    legal_name: str | None = None
    kind: OrgKind
    about: str = Field(min_length=10, description="One or two sentences: what this organization decides")
    channels: list[Channel] = Field(min_length=1)


class ContactsFile(_Strict):
    organizations: list[Organization] = Field(min_length=1)


def file_schema(model: type[BaseModel], title: str) -> dict:
    """The JSON Schema of a data file's model, as editors' YAML plugins read it (contacts, the law register)."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def print_schema(schema: dict) -> None:
    json.dump(schema, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def json_schema() -> dict:
    return file_schema(ContactsFile, "data/contacts.yml")


def main() -> None:
    """Print the JSON Schema (`make schema`; called with -c, not -m, so runpy does not import this twice)."""
    print_schema(json_schema())


if __name__ == "__main__":
    main()

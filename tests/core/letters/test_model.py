"""Letter model: greetings and closes, address blocks, NHS numbers, the JSON form and its checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.letters.kinds import KIND_IDS, KINDS, get_kind
from sirt_desktop.core.letters.model import (
    Letter,
    Recipient,
    Sender,
    close_for_greeting,
    split_paragraphs,
)
from sirt_desktop.core.letters.nhs_number import (
    check_digit,
    format_nhs_number,
    is_valid_nhs_number,
    nhs_number_problem,
)
from sirt_desktop.core.letters.schema import LetterDataError, letter_from_dict, letter_to_dict

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def minimal(**overrides) -> dict:
    data = {
        "kind": "mp_campaign",
        "date": "2026-11-22",
        "sender": {"name": "Ann Example", "address_lines": ["1 High Street", "Leeds"], "postcode": "LS1 1AA"},
        "recipient": {"full_name": "Stephen Kinnock", "kind": "mp"},
        "body": "Please write to the Health Secretary.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("recipient", "greeting", "close"),
    [
        (Recipient(full_name="Sir Keir Starmer", kind="mp"), "Dear Sir Keir", "Yours sincerely"),
        (Recipient(full_name="Dame Diana Johnson", kind="mp"), "Dear Dame Diana", "Yours sincerely"),
        (Recipient(full_name="Dr Caroline Johnson", kind="mp"), "Dear Dr Johnson", "Yours sincerely"),
        (Recipient(full_name="Ms Diane Abbott", kind="mp"), "Dear Ms Abbott", "Yours sincerely"),
        (Recipient(full_name="Stephen Kinnock", kind="mp"), "Dear Stephen Kinnock", "Yours sincerely"),
        (Recipient(full_name="Rt Hon Sir Ed Davey", kind="mp"), "Dear Sir Ed", "Yours sincerely"),
        (Recipient(title="Dr", first_name="Asha", surname="Patel"), "Dear Dr Patel", "Yours sincerely"),
        (Recipient(title="Professor", surname="Ward"), "Dear Professor Ward", "Yours sincerely"),
        (Recipient(full_name="Mr. John Smith"), "Dear Mr Smith", "Yours sincerely"),
        (Recipient(position="Practice Manager"), "Dear Sir or Madam", "Yours faithfully"),
        (Recipient(), "Dear Sir or Madam", "Yours faithfully"),
    ],
)
def test_greeting_and_close_pairs(recipient, greeting, close):
    letter = Letter(recipient=recipient)
    assert letter.greeting_text() == greeting
    assert letter.close_text() == close


def test_greeting_override_decides_the_close():
    letter = Letter(recipient=Recipient(full_name="Dr Caroline Johnson", kind="mp"), greeting="Dear Sir or Madam,")
    assert letter.greeting_text() == "Dear Sir or Madam"
    assert letter.close_text() == "Yours faithfully"
    letter.greeting = "Dear Caroline"
    assert letter.close_text() == "Yours sincerely"
    assert close_for_greeting("Dear Sir/Madam") == "Yours faithfully"


def test_mp_address_block_follows_royal_mail_style():
    lines = Recipient(full_name="Dr Caroline Johnson", kind="mp").block_lines()
    assert lines == ["Dr Caroline Johnson MP", "House of Commons", "LONDON", "SW1A 0AA"]
    # Already has MP: not doubled.
    assert Recipient(full_name="Jo Bloggs MP", kind="mp").block_lines()[0] == "Jo Bloggs MP"


def test_recipient_post_town_in_capitals_and_position_lines():
    r = Recipient(
        title="Dr",
        first_name="Asha",
        surname="Patel",
        position="Consultant Oncologist",
        address_lines=["Oncology Outpatients", "Royal Example Hospital", "Leeds"],
        postcode="ls9 7tf",
        kind="clinician",
    )
    assert r.block_lines() == [
        "Dr Asha Patel",
        "Consultant Oncologist",
        "Oncology Outpatients",
        "Royal Example Hospital",
        "LEEDS",
        "LS9 7TF",
    ]
    msp = Recipient(
        full_name="Fiona Reid",
        position="MSP",
        address_lines=["Scottish Parliament", "Edinburgh"],
        postcode="EH99 1SP",
        kind="devolved",
    )
    assert msp.block_lines()[0] == "Fiona Reid MSP"


def test_sender_lines_stay_as_typed():
    s = Sender(
        name="A",
        address_lines=["Bwthyn y Dŵr", "Llanbedr Pont Steffan"],
        postcode="SA48 7AB",
        phone="01970 000000",
        email="a@example.org",
    )
    assert s.block_lines() == [
        "Bwthyn y Dŵr",
        "Llanbedr Pont Steffan",
        "SA48 7AB",
        "Tel: 01970 000000",
        "a@example.org",
    ]


def test_long_date_has_no_leading_zero():
    assert long_date(dt.date(2026, 11, 22)) == "22 November 2026"
    assert long_date(dt.date(2024, 5, 6)) == "6 May 2024"


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_nhs_numbers(number):
    assert is_valid_nhs_number(number)


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("9434765918", "last digit"),
        ("943476591", "10 digits; 9 given"),
        ("94347659x9", "only digits"),
        ("", "10 digits"),
    ],
)
def test_invalid_nhs_numbers(number, fragment):
    assert fragment in nhs_number_problem(number)


def test_check_digit_rules():
    assert check_digit("943476591") == 9
    # Remainder 1 gives check digit 10: no tenth digit can make these nine valid.
    nine = next(f"{n:09d}" for n in range(10**8, 10**8 + 200) if check_digit(f"{n:09d}") is None)
    assert all(not is_valid_nhs_number(nine + str(d)) for d in range(10))
    assert format_nhs_number("9434765919") == "943 476 5919"


def test_paragraph_splitting_keeps_short_lines_and_joins_hard_wrapped_text():
    text = "Dear team\n\nShopping:\n- eggs\n- milk\n\n\n" + ("word " * 14 + "\n") * 3 + "end."
    paras = split_paragraphs(text)
    assert paras[0] == ["Dear team"]
    assert paras[1] == ["Shopping:", "- eggs", "- milk"]
    assert len(paras[2]) == 1 and paras[2][0].endswith("end.")


def test_from_dict_round_trip():
    letter = letter_from_dict(
        minimal(
            nhs_number="943 476 5919",
            date_of_birth="1960-01-02",
            earlier_letter={"date": "2026-09-01", "subject": "SIRT"},
            consent_to_share=True,
            reply_format="email",
        )
    )
    again = letter_from_dict(json.loads(json.dumps(letter_to_dict(letter))))
    assert again == letter
    assert letter.date == dt.date(2026, 11, 22)
    assert letter_to_dict(letter)["date_of_birth"] == "1960-01-02"


def test_body_may_be_a_list_of_paragraphs():
    letter = letter_from_dict(minimal(body=["First.", "Second."]))
    assert letter.paragraphs() == [["First."], ["Second."]]


def test_eight_address_lines_are_rejected_naming_the_field():
    data = minimal(
        recipient={"full_name": "Dr A Patel", "kind": "clinician", "address_lines": [f"Line {i}" for i in range(8)]}
    )
    with pytest.raises(LetterDataError) as info:
        letter_from_dict(data)
    assert "recipient.address_lines: 8 lines given; a window envelope shows at most 7" in info.value.errors


def test_name_and_postcode_count_towards_the_seven_lines():
    data = minimal(
        recipient={
            "full_name": "Dr A Patel",
            "position": "Oncologist",
            "kind": "clinician",
            "address_lines": [f"Line {i}" for i in range(5)],
            "postcode": "LS1 1AA",
        }
    )
    with pytest.raises(LetterDataError) as info:
        letter_from_dict(data)
    assert any(e.startswith("recipient.address_lines: 5 lines given") and "makes 8" in e for e in info.value.errors)


def test_every_bad_field_is_named_at_once():
    data = minimal(
        kind="poem",
        date="22/11/2026",
        nhs_number="1234567890",
        large_print="yes",
        colour="red",
        sender={"name": "", "address_lines": "1 High Street"},
        recipient={"kind": "mp", "surname": 7},
    )
    with pytest.raises(LetterDataError) as info:
        letter_from_dict(data)
    fields = {e.split(":")[0] for e in info.value.errors}
    assert {"kind", "date", "nhs_number", "large_print", "colour", "sender.name", "recipient.surname"} <= fields


def test_not_an_object():
    with pytest.raises(LetterDataError) as info:
        letter_from_dict(["not", "a", "letter"])
    assert info.value.errors[0].startswith("letter: should be an object")


def test_kinds_are_complete():
    assert KIND_IDS == ("mp_campaign", "mp_my_case", "clinician", "ifr_statement", "mp_follow_up", "devolved_rep")
    for kind in KINDS:
        assert kind.tips and kind.starters and kind.ask_keywords and kind.fields
        assert "body" in kind.fields
    assert "nhs_number" in get_kind("clinician").fields
    assert "consent_to_share" in get_kind("mp_my_case").fields
    assert "earlier_letter.date" in get_kind("mp_follow_up").fields
    assert any("16 May 2024" in s.text and "IPG786" in s.text for s in get_kind("mp_campaign").starters)
    with pytest.raises(KeyError, match="mp_campaign"):
        get_kind("nope")


def test_every_kind_has_an_example_that_loads():
    for kind in KIND_IDS:
        letter = letter_from_dict(json.loads((EXAMPLES / f"{kind}.json").read_text(encoding="utf-8")))
        assert letter.kind == kind
    lines = (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= len(KIND_IDS)
    for line in lines:
        letter_from_dict(json.loads(line))


def test_generated_sentences():
    letter = letter_from_dict(
        minimal(
            kind="clinician",
            reply_format="email",
            consent_to_share=True,
            sender={"name": "A", "email": "a@example.org", "address_lines": ["x"]},
            recipient={"full_name": "Dr A Patel", "kind": "clinician", "address_lines": ["Leeds"]},
        )
    )
    generated = letter.generated_paragraphs()
    assert any("consent" in g for g in generated)
    assert any("Accessible Information Standard" in g and "by email to a@example.org" in g for g in generated)


def test_letters_core_imports_no_qt_reportlab_or_textstat():
    # The GUI imports these as the app starts: they must stay light and Qt-free.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import sirt_desktop.core.letters.model, sirt_desktop.core.letters.kinds, "
        "sirt_desktop.core.letters.schema, sirt_desktop.core.letters.coach, sirt_desktop.core.letters.batch\n"
        "heavy = [m for m in ('PySide6', 'reportlab', 'textstat') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_unfinished_draft_loads_when_not_strict():
    from sirt_desktop.core.letters.model import Letter

    data = letter_to_dict(Letter(kind="clinician", body="Half a thought"))
    with pytest.raises(LetterDataError):
        letter_from_dict(data)
    draft = letter_from_dict(data, strict=False)
    assert draft.kind == "clinician" and draft.body == "Half a thought"
    with pytest.raises(LetterDataError):
        letter_from_dict({"kind": "clinician", "body": 7}, strict=False)


@pytest.mark.parametrize(
    "name, greeting",
    [
        ("Professor Sir John Smith", "Dear Sir John"),
        ("Dr Dame Jane Smith", "Dear Dame Jane"),
        ("Professor Jane Smith", "Dear Professor Smith"),
    ],
)
def test_greeting_with_two_titles(name, greeting):
    from sirt_desktop.core.letters.model import Recipient

    assert Recipient(full_name=name).greeting() == greeting

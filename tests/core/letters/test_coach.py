"""The writing coach: the ask, own words, reading age, length, missing pieces, clinical detail."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import time

import pytest
import pytest_socket

from sirt_desktop.core.letters.coach import coach, starter_share, warm_up
from sirt_desktop.core.letters.kinds import get_kind
from sirt_desktop.core.letters.model import Letter, Recipient, Sender

OWN_WORDS = (
    "I live in Aylestone and I have a neuroendocrine tumour in my liver. I look after my granddaughter "
    "three days a week and I want to keep doing that. My team says SIRT might help me, but the NHS in "
    "England will not pay for it for my kind of cancer, even though it does for others. "
)


def letter(body: str, kind: str = "mp_campaign", **kw) -> Letter:
    base = dict(
        kind=kind,
        sender=Sender(name="Ann Example", address_lines=["1 High Street", "Leicester"], postcode="LE1 1AA"),
        recipient=Recipient(full_name="Ms Priya Sandhu", kind="mp"),
        date=dt.date(2026, 11, 22),
        body=body,
    )
    base.update(kw)
    return Letter(**base)


def test_one_clear_ask_is_found():
    report = coach(
        letter(
            OWN_WORDS + "Please write to the Health Secretary asking them to fund SIRT. "
            "I would be grateful for a reply."
        )
    )
    assert report.ask_count == 1
    assert report.main_ask.startswith("Please write to the Health Secretary")
    assert "ask" in report.codes() and "no_ask" not in report.codes() and "many_asks" not in report.codes()


def test_no_ask():
    report = coach(letter(OWN_WORDS + "Thank you for reading this."))
    assert report.asks == []
    assert "no_ask" in report.codes()


def test_several_different_asks():
    body = OWN_WORDS + (
        "Please write to the Health Secretary about funding. Could you also table a written question? "
        "Would you meet me at your surgery next month? I would like you to raise it in a debate. "
        "Can you speak to my hospital about my parking fine?"
    )
    report = coach(letter(body))
    assert report.ask_count > 2
    assert "many_asks" in report.codes()


def test_asks_on_the_same_topic_count_once():
    body = OWN_WORDS + "Please write to the Health Secretary. Could you ask the Health Secretary to fund SIRT?"
    report = coach(letter(body))
    assert len(report.asks) == 2 and report.ask_count == 1


def test_mostly_starter_text():
    kind = get_kind("mp_campaign")
    body = " ".join(kind.starter_texts())
    report = coach(letter(body))
    assert report.starter_share > 0.9
    assert "mostly_starters" in report.codes()
    note = next(n for n in report.notes if n.code == "mostly_starters")
    assert "own words" in note.text


def test_own_words_are_not_starter_text():
    report = coach(letter(OWN_WORDS + "Please write to the Health Secretary for me."))
    assert report.starter_share < 0.2
    assert "mostly_starters" not in report.codes()


def test_edited_starters_still_count_in_part():
    starters = ["On 16 May 2024 NICE published guidance saying that SIRT can be used for these tumours."]
    share = starter_share("On 16 May 2024 NICE published guidance. I think it should be funded now.", starters)
    assert 0.3 < share < 0.7


def test_missing_postcode_and_name():
    bare = letter(OWN_WORDS + "Please help.", sender=Sender(name="", address_lines=["1 High Street"]))
    report = coach(bare)
    assert {"sender_postcode", "sender_name"} <= set(report.missing)
    assert {"no_postcode", "no_name"} <= set(report.codes())
    assert "constituency" in next(n.text for n in report.notes if n.code == "no_postcode") or "area" in next(
        n.text for n in report.notes if n.code == "no_postcode"
    )
    # A clinician letter does not need the writer's postcode to be answered.
    clinic = letter(OWN_WORDS + "Please refer me.", kind="clinician", sender=Sender(name="A", address_lines=["x"]))
    assert "no_postcode" not in coach(clinic).codes()


def test_clinical_detail_in_a_campaign_letter():
    body = OWN_WORDS + (
        "My Ki-67 is 4% and it is grade 2. My bilirubin is fine. I take lanreotide. "
        "My NHS number is 943 476 5919 and I was born on 1 May 1960. Please write to the minister."
    )
    report = coach(letter(body))
    assert "clinical_detail" in report.codes()
    assert {
        "Ki-67 result",
        "tumour grade",
        "blood test results",
        "drug names",
        "your NHS number",
        "your date of birth",
    } <= set(report.clinical_details)
    # The same details are fine in a letter to a clinician.
    assert "clinical_detail" not in coach(letter(body, kind="clinician")).codes()


def test_nhs_number_field_in_a_campaign_letter_is_flagged():
    report = coach(letter(OWN_WORDS + "Please write to the minister.", nhs_number="9434765919"))
    assert "your NHS number" in report.clinical_details


def test_reading_age_and_hard_to_read():
    easy = coach(letter(OWN_WORDS * 2 + "Please help me."))
    assert easy.reading_age is not None and not easy.hard_to_read
    hard_body = (
        "Notwithstanding the aforementioned interventional procedures guidance, the commissioning "
        "organisation's continuing prioritisation deliberations regarding selective internal "
        "radiation therapy for metastatic neuroendocrine neoplasia demonstrate institutional "
        "intransigence incompatible with contemporary evidence-based healthcare administration. "
    ) * 3
    hard = coach(letter(hard_body + "Please write to the minister."))
    assert hard.reading_age is not None and hard.reading_age > 14
    assert "hard_to_read" in hard.codes()


def test_length_notes():
    assert coach(letter("Please fund SIRT.")).length_verdict == "short"
    long_report = coach(letter((OWN_WORDS * 12) + "Please write to the minister."))
    assert long_report.length_verdict == "long" and "long" in long_report.codes()
    assert coach(letter("")).length_verdict == "empty"


def test_statement_needs_no_request():
    report = coach(letter(OWN_WORDS * 2, kind="ifr_statement"))
    assert "no_ask" not in report.codes()


def test_plain_text_and_kind_by_name():
    report = coach(OWN_WORDS + "Please refer me to a SIRT centre.", "clinician")
    assert report.main_ask.startswith("Please refer me")
    assert report.missing == []


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_coach_works_with_the_network_blocked():
    # The suite's conftest blocks sockets (pytest-socket); prove it, then run the coach.
    with pytest.raises(pytest_socket.SocketBlockedError):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
    report = coach(letter(OWN_WORDS * 2 + "Please write to the Health Secretary."))
    assert report.reading_age is not None


_COLD_OFFLINE = """
import socket, sys
def refuse(*a, **k):
    raise OSError("network used")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from sirt_desktop.core.letters.coach import coach
report = coach(sys.argv[1], "mp_campaign")
assert report.reading_age is not None, report
assert "textstat" in sys.modules
print(report.reading_age)
"""


def test_coach_first_use_in_a_fresh_process_needs_no_network():
    # Cold start: textstat and pyphen load for the first time with every socket call refused.
    result = subprocess.run(
        [sys.executable, "-c", _COLD_OFFLINE, OWN_WORDS * 2], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 5


def test_coach_is_fast_for_a_one_page_letter():
    warm_up()
    page = letter((OWN_WORDS * 4) + "Please write to the Health Secretary to ask for SIRT funding.")
    times = []
    for i in range(15):
        page.body += " x" if i % 2 else " y"  # new text each time, as when typing
        start = time.perf_counter()
        coach(page)
        times.append(time.perf_counter() - start)
    times.sort()
    assert times[len(times) // 2] < 0.02

"""Each main journey, start to finish, in the real app: keys in, printed files and the database
out. Every journey asserts what a person would expect to get."""

from __future__ import annotations

from tests.journeys import steps
from tests.journeys.harness import wait_for

ANN = {"name": "Mrs Ann Carer", "address": ["22 Elm Close", "Romsey"], "postcode": "SO51 7AA"}
BOB = {"name": "Mr Bob Patient", "address": ["1 Oak Road", "Chandler's Ford"], "postcode": "SO53 2GB"}
CLINICIAN = {
    "name": "Dr Priya Patel",
    "role": "Consultant oncologist",
    "address": ["Oncology Department", "Southampton General Hospital", "Southampton"],
    "postcode": "SO16 6YD",
}


def _quit_cleanly(app) -> None:
    assert app.quit() == 0, app.stderr()[-3000:]
    assert "Traceback" not in app.log_text()
    assert "Traceback" not in app.stderr()


def _clinician_letter(app, tmp_path, sender: dict, body: str, out_name: str, remember: bool = False):
    """Kind "To my clinician", the sender's details, the clinician typed in, the words; print to a file."""
    steps.choose_kind(app, steps.CLINICIAN)
    steps.next_step(app)
    steps.fill_sender(app, sender["name"], sender["address"], sender["postcode"], remember=remember)
    steps.next_step(app)
    steps.fill_manual_recipient(app, CLINICIAN["name"], CLINICIAN["role"], CLINICIAN["address"], CLINICIAN["postcode"])
    steps.next_step(app)
    app.type(body)
    steps.next_step(app)
    return steps.print_to_file(app, tmp_path / out_name)


def test_mp_letter_found_from_a_postcode_is_printed_to_that_mp(start_app, tmp_path):
    """Find the MP for SO51 7AA in step 3 and press Next: the letter is to Caroline Nokes, and
    the printed letter says so in the address and the greeting."""
    app = start_app()
    steps.open_writer(app)
    steps.next_step(app)  # 1. Kind: "To my MP — campaign" is chosen already
    steps.fill_sender(app, ANN["name"], ANN["address"], ANN["postcode"])
    steps.next_step(app)  # 3. To: the postcode from step 2 is looked up; one MP is found
    steps.next_step(app)  # one MP found: Next accepts that MP
    app.type("Please write to the Health Secretary about funding SIRT for people with NETs.")
    draft = steps.wait_saved(app, lambda s: "Health Secretary" in s["body"], "the draft with its words")
    assert "Caroline Nokes" in draft["recipient_name"], (
        f"the MP found in step 3 is not the letter's recipient (Next did not accept her): {steps.summary([draft])}"
    )
    steps.next_step(app)  # 5. Check and print
    printed = steps.print_to_file(app, tmp_path / "mp-letter.pdf")

    lines = steps.printed_lines(printed)
    text = " ".join(lines)
    assert any(line.startswith("Caroline Nokes MP") for line in lines), lines
    assert "House of Commons" in text and "SW1A 0AA" in text
    assert steps.greeting_line(lines).startswith("Dear Caroline Nokes"), steps.greeting_line(lines)
    assert "Dear Sir or Madam" not in text
    assert "Mrs Ann Carer" in text and "22 Elm Close" in text and "SO51 7AA" in text
    assert "Health Secretary" in text
    # The exact copy that was printed is kept with the letter.
    assert steps.printed_copies(app) and steps.printed_copies(app)[-1][1] == "printed"
    _quit_cleanly(app)


def test_clinician_letter_is_printed_with_their_name_and_address(start_app, tmp_path):
    app = start_app()
    steps.open_writer(app)
    printed = _clinician_letter(
        app, tmp_path, ANN, "Please could we talk about SIRT at my next appointment?", "clinician.pdf"
    )
    lines = steps.printed_lines(printed)
    text = " ".join(lines)
    assert "Dr Priya Patel" in lines and "Consultant oncologist" in lines, lines
    assert "Southampton General Hospital" in text and "SO16 6YD" in text
    assert steps.greeting_line(lines).startswith("Dear Dr Patel"), steps.greeting_line(lines)
    assert "Yours sincerely" in text
    assert "next appointment" in text and "Mrs Ann Carer" in text
    saved = steps.letters(app)
    assert [s["kind"] for s in saved] == ["clinician"], steps.summary(saved)
    assert saved[0]["recipient_name"].startswith("Dr Priya Patel")
    _quit_cleanly(app)


def test_second_letter_from_a_different_person_keeps_the_two_apart(start_app, tmp_path):
    """A carer writes for herself (details remembered), then starts a new letter for someone
    else and types his details: the second letter is his alone, and hers are unchanged."""
    app = start_app()
    steps.open_writer(app)
    first = _clinician_letter(app, tmp_path, ANN, "First letter, from Ann.", "ann.pdf", remember=True)
    saved_ann = steps.profiles(app)
    assert [p["name"] for p in saved_ann] == ["Mrs Ann Carer"], saved_ann
    first_letter = steps.letters(app)[0]

    app.key("alt+w")  # Start a new letter
    printed = _clinician_letter(app, tmp_path, BOB, "Second letter, from Bob.", "bob.pdf")

    text = " ".join(steps.printed_lines(printed))
    assert "Mr Bob Patient" in text and "1 Oak Road" in text and "SO53 2GB" in text
    for hers in ("Ann", "Carer", "22 Elm Close", "SO51 7AA", "First letter"):
        assert hers not in text, f"{hers!r} from the first person's letter is in the second: {text}"
    # Her saved details and her letter are exactly as they were.
    assert steps.profiles(app)[: len(saved_ann)] == saved_ann, steps.profiles(app)
    letters = steps.letters(app)
    assert letters[0]["data"] == first_letter["data"], steps.summary(letters)
    assert len(letters) == 2 and letters[1]["data"]["sender"]["name"] == "Mr Bob Patient", steps.summary(letters)
    assert "Ann" in " ".join(steps.printed_lines(first))
    _quit_cleanly(app)


def test_helpline_callers_letter_is_printed_and_not_kept(start_app, tmp_path):
    """A volunteer finds the caller's MP, writes the caller's letter, prints it; nothing about
    the caller is kept on the computer."""
    app = start_app()
    app.key(steps.HELPLINE)
    app.key("alt+p")  # the caller's postcode
    app.type("CF10 1EP")
    app.key("Return")  # Find
    app.key("Tab", "Tab", "space")  # past Find, to "Write to this MP"
    steps.next_step(app)  # 1. Kind → 2. From (the caller's postcode is there already)
    app.key("alt+m")
    app.type("Mr Dewi Caller")
    app.key("Tab")
    app.type("5 Bute Street\nCardiff")
    steps.next_step(app)  # 3. To: the MP chosen on the Helpline page
    steps.next_step(app)
    app.type("I am writing on behalf of NET patients in Wales.")
    steps.next_step(app)
    printed = steps.print_to_file(app, tmp_path / "caller.pdf")

    lines = steps.printed_lines(printed)
    text = " ".join(lines)
    assert any(line.startswith("Stephen Doughty MP") for line in lines), lines
    assert steps.greeting_line(lines).startswith("Dear Stephen Doughty"), steps.greeting_line(lines)
    assert "Mr Dewi Caller" in text and "5 Bute Street" in text and "CF10 1EP" in text
    # Not kept: no letter, no saved details, no printed copy of the caller's letter.
    assert steps.letters(app) == [] and steps.profiles(app) == [] and steps.printed_copies(app) == []
    _quit_cleanly(app)


def test_letter_reopened_from_my_letters_prints_again(start_app, tmp_path):
    """Print a letter, then from My letters print it again exactly as it was, and open it to
    print it afresh."""
    app = start_app()
    steps.open_writer(app)
    first = _clinician_letter(app, tmp_path, ANN, "A letter to print twice.", "first.pdf")

    app.key(steps.HISTORY)
    app.key("alt+i")  # Find: the search box; ↓ Tab… would also do, the list starts on the newest
    app.type("twice")
    app.key("alt+p")  # Print again, exactly as before
    app.wait_window(r"Print again")
    app.key("alt+p")
    again = tmp_path / "again.pdf"
    steps.print_from_dialog(app, again)
    assert again.read_bytes() == first.read_bytes(), "a re-print must be the very PDF printed before"
    app.key("Escape")  # close "Print again"
    app.wait_no_dialogs()

    app.key("alt+o")  # Open the letter in the writer (it opens at step 4, Write)
    steps.next_step(app)
    reopened = steps.print_to_file(app, tmp_path / "reopened.pdf")
    text = " ".join(steps.printed_lines(reopened))
    assert "A letter to print twice." in text and "Dr Priya Patel" in text and "Mrs Ann Carer" in text
    assert len(steps.letters(app)) == 1, steps.summary(steps.letters(app))
    _quit_cleanly(app)


def test_delete_everything_with_the_word_and_enter(start_app, tmp_path):
    """Settings → Delete everything…, type DELETE, press Enter: the letters, saved details and
    printed copies are gone from the database and the data folder."""
    app = start_app()
    steps.open_writer(app)
    _clinician_letter(app, tmp_path, ANN, "A letter that will be deleted.", "doomed.pdf", remember=True)
    assert steps.letters(app) and steps.profiles(app) and steps.printed_copies(app)

    app.key(steps.SETTINGS)
    app.key("alt+d")  # Delete everything…
    app.wait_window(r"^Delete everything")
    app.key("alt+c")  # "type DELETE in capitals"
    app.type("DELETE")
    app.key("Return")
    app.wait_no_window(r"^Delete everything")
    wait_for(
        lambda: steps.letters(app) == [],
        "the letters to be deleted after typing DELETE and pressing Enter",
        check=app.check_running,
    )
    app.wait_window(r".")  # the app says it is done
    app.key("Return")
    app.wait_no_dialogs()
    assert steps.profiles(app) == [] and steps.printed_copies(app) == []
    pdfs = list((app.home / "data" / "pdfs").glob("*")) if (app.home / "data" / "pdfs").exists() else []
    assert pdfs == []
    _quit_cleanly(app)

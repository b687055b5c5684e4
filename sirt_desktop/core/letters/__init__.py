"""Letters: the model and JSON form, the six kinds, the writing coach, PDF rendering and
headless batches. No Qt here; ReportLab is imported only when a PDF is made.

    model.py   Letter, Sender, Recipient, EarlierLetter; greeting and close rules
    schema.py  JSON form and field-named validation (letter_from_dict, validate_letter)
    kinds.py   the six kinds (KindId, RecipientKind): fields, tips, starter sentences, ask words
    checks.py  what an elected member needs in order to reply (missing_for_reply)
    coach.py   coach(): reading age, the ask, own words, length, missing pieces
    layout.py  A4 / DL window geometry (mm)
    render.py  render_letter() → PDF bytes; render_letter_to_file() writes atomically
    batch.py   read_letter() and render_batch() behind ``sirt-desktop-cli letter``
    drafts.py  DraftStore: what the letter writer's autosave calls
"""

"""Letters: the model and JSON form, the six kinds, the writing coach, PDF rendering and the
headless batch command. No Qt here; ReportLab is imported only when a PDF is made.

    model.py   Letter, Sender, Recipient, EarlierLetter; greeting and close rules
    schema.py  JSON form and field-named validation
    kinds.py   the six kinds: fields, tips, starter sentences, ask words
    coach.py   coach(): reading age, the ask, own words, length, missing pieces
    layout.py  A4 / DL window geometry (mm)
    render.py  render_letter() → PDF bytes; render_letter_to_file() writes atomically
    batch.py   run_letter_command() behind ``sirt-desktop letter``
"""

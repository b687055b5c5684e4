"""My letters: the list, sent/reply dialogs and reply checks."""

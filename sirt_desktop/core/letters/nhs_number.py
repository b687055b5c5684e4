"""NHS numbers: the Modulus 11 check digit, and the 3-3-4 way they are printed.

An NHS number has ten digits. Multiply each of the first nine by 10, 9, 8 ... 2, add the
results, and take the remainder after dividing by 11. The check digit (the tenth) is
11 minus that remainder; 11 becomes 0, and 10 means the number can never be valid.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s-]+")


def digits_of(text: str) -> str:
    """The number with the spaces and dashes people type taken out."""
    return _SEPARATORS.sub("", text or "")


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no tenth digit could make them valid."""
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError("need exactly nine digits")
    total = sum(int(d) * weight for d, weight in zip(first_nine, range(10, 1, -1), strict=True))
    digit = 11 - (total % 11)
    if digit == 11:
        return 0
    if digit == 10:
        return None
    return digit


def nhs_number_problem(text: str) -> str | None:
    """Why this is not a valid NHS number, in plain words; None when it is valid."""
    digits = digits_of(text)
    if digits and not (digits.isascii() and digits.isdigit()):
        return "an NHS number has only digits (spaces are fine)"
    if len(digits) != 10:
        return f"an NHS number has 10 digits; {len(digits)} given"
    expected = check_digit(digits[:9])
    if expected is None or expected != int(digits[9]):
        return "this is not a valid NHS number (the last digit does not match); please check it"
    return None


def is_valid_nhs_number(text: str) -> bool:
    return nhs_number_problem(text) is None


def format_nhs_number(text: str) -> str:
    """``9434765919`` → ``943 476 5919``; anything that is not 10 digits is returned as typed."""
    digits = digits_of(text)
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return text.strip()

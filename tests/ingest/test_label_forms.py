"""A label's other forms (formats/labelled.py): a first name after the full name, a hearing's titles and surname.
These are looked up by word, not by comparing every label with every other; the cases below are the ones that
lookup must keep: who holds the word, who came first, and a word two labels share."""
import pytest

from claims.ingest.formats.labelled import first_name_forms, hearing_forms, initial_forms


@pytest.mark.parametrize("names, expected", [
    (["DR. AMARE HAILU WOLDE", "MODERATOR", "AMARE"], {"AMARE": "DR. AMARE HAILU WOLDE"}),
    (["Dr. Amare Wolde", "amare"], {"amare": "Dr. Amare Wolde"}),  # the word compared in capitals
    (["AMARE", "DR. AMARE HAILU WOLDE"], {}),  # the first name labels turns before the full name does
    (["AMARE HAILU", "AMARE WOLDE", "AMARE"], {}),  # two labels hold the first name
    (["HAILU AMARE", "AMARE"], {}),  # the label holds the word, but not as its first name
    (["AMARE HAILU", "AMARE", "AMARE"], {"AMARE": "AMARE HAILU"}),  # the short label repeated holds no other
])
def test_a_first_name_stands_for_the_one_full_name_before_it(names, expected):
    assert first_name_forms(names) == expected


@pytest.mark.parametrize("names, expected", [
    (["SEN. WALTER BRISK", "CHAIRMAN BRISK", "BRISK"], {"CHAIRMAN BRISK": "SEN. WALTER BRISK", "BRISK": "SEN. WALTER BRISK"}),
    (["SEN. ROY PELL", "SEN. DAN PELL", "PELL"], {}),  # one surname, two people
    (["SEN. ROY PELL", "DR. PELL"], {}),  # a witness of the same surname
    (["Senator Brisk", "BRISK", "SEN. ANA VOSS", "VOSS"], {"BRISK": "Senator Brisk", "VOSS": "SEN. ANA VOSS"}),
])
def test_a_hearings_titles_and_surname_are_one_member(names, expected):
    assert hearing_forms(names) == expected


def test_thousands_of_labels_give_the_forms_of_the_few_that_have_them():
    callers = [f"CALLER{'ABCDEFGHIJ'[k % 10]}{'ABCDEFGHIJ'[k // 10 % 10]}{'ABCDEFGHIJ'[k // 100 % 10]}{'ABCDEFGHIJ'[k // 1000]}"
               for k in range(5000)]
    names = ["SEN. WALTER BRISK", "DR. AMARE WOLDE", *callers, "AMARE", "BRISK"]
    assert first_name_forms(names) == {"AMARE": "DR. AMARE WOLDE"}
    assert hearing_forms(names) == {"BRISK": "SEN. WALTER BRISK"}


@pytest.mark.parametrize("names, expected", [
    (["SOLEDAD O'BRIEN", "MILES O'BRIEN", "S. O'BRIEN", "M. O'BRIEN"], {"S. O'BRIEN": "SOLEDAD O'BRIEN", "M. O'BRIEN": "MILES O'BRIEN"}),
    (["SENATOR TOMAS OKOYE", "SEN. T. OKOYE"], {"SEN. T. OKOYE": "SENATOR TOMAS OKOYE"}),
    (["JOHN ROBERT SMITH", "J.R. SMITH", "J. R. SMITH"], {"J.R. SMITH": "JOHN ROBERT SMITH", "J. R. SMITH": "JOHN ROBERT SMITH"}),
    (["SAM SMITH", "SUE SMITH", "S. SMITH"], {}),  # the initial fits two names
    (["JO SMITH", "J. SMITH"], {}),  # a first name of two letters may itself be initials
    (["SAM SMITH", "SAM SMITH", "S. SMITH"], {}),  # the name written twice is two to choose from, as before
])
def test_initials_and_a_surname_stand_for_the_one_full_name_they_fit(names, expected):
    assert initial_forms(names) == expected

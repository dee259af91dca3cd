"""Plain-text knowledge of what kind of thing a name is (generator.text.actor_kinds)."""

import pytest

from generator.text.actor_kinds import is_people_of_a_country


@pytest.mark.parametrize("name", ["Canadians", "Americans", "Britons", "Israelis", "Zimbabweans", "Swedes", "Dutch",
                                  "Tanzanians", "Indonesians", "Puerto Ricans", "Sri Lankans", "Costa Ricans",
                                  "South Koreans"])
def test_a_nationality_in_the_plural_is_a_countrys_people(name):
    assert is_people_of_a_country(name)


@pytest.mark.parametrize("name", ["Liberals", "Conservatives", "Greens", "Democrats", "Canada", "Canadian",
                                  "New Zealanders of note", "Nationals", "Puerto Rico", "Harbour Rangers",
                                  "North Carolinas"])
def test_a_party_a_colour_a_country_or_one_person_is_not(name):
    assert not is_people_of_a_country(name)


def test_letters_unicode_does_not_decompose_fold_too():
    from generator.text.actor_kinds import fold
    assert fold("Taner Yıldız") == fold("Taner Yildiz") == "taner yildiz"
    assert fold("Łukasz Søndergaard") == "lukasz sondergaard" and fold("Müller") == "muller"


def test_a_common_noun_with_an_agents_ending_names_no_one():
    from generator.text.actor_kinds import person_noun
    for word in ("number", "border", "disaster", "initiative", "corridor"):
        assert not person_noun(word), word
    for word in ("teacher", "analyst", "member", "detective", "executive"):
        assert person_noun(word), word

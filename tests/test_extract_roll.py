"""extract/roll.py: who sat in the meeting and as what, on the roll call of Alingsås KS
2026-06-15 (page 1)."""

from __future__ import annotations

from pipeline.extract.roll import ranked, roll_call

ROLL_CALL = """Plats och tid Rådslaget, Rådhuset, Alingsås Paragrafer §§111-122
kl. 14:00-16:08
Beslutande Jan-Erik Wallin (M) (ordförande)
Anton César (S) (vice ordförande)
Anita Hedén Unosson (S)
Gunilla Gomér (SD) §§111-114
Irene Jonsson (S) ersätter Janine Alm Ericson (MP)
Ej tjänstgörande
ersättare
Oscar Allard (S)
Övriga deltagare Ulrika Månsson (kommunsekreterare)
Maria Standar (kommundirektör)
Utses att justera Anton César
Justeringens plats och
tid
Sekreterare
Ulrika Månsson
Ordförande
Jan-Erik Wallin (M)"""


def _roles() -> list[tuple[str, str | None, str]]:
    return [(seat.name, seat.party, seat.role) for seat in roll_call(ROLL_CALL)]


def test_members_with_their_party_and_role() -> None:
    assert _roles()[:5] == [
        ("Jan-Erik Wallin", "M", "ordförande"),
        ("Anton César", "S", "vice ordförande"),
        ("Anita Hedén Unosson", "S", "ledamot"),
        ("Gunilla Gomér", "SD", "ledamot"),
        ("Irene Jonsson", "S", "tjänstgörande ersättare"),  # 'ersätter Janine Alm Ericson (MP)'
    ]


def test_a_wrapped_label_officials_justerare_and_signatures() -> None:
    assert _roles()[5:] == [
        ("Oscar Allard", "S", "ersättare"),  # under 'Ej tjänstgörande' / 'ersättare'
        ("Ulrika Månsson", None, "kommunsekreterare"),
        ("Maria Standar", None, "kommundirektör"),
        ("Anton César", None, "justerare"),
        ("Ulrika Månsson", None, "sekreterare"),
        ("Jan-Erik Wallin", "M", "ordförande"),
    ]


def test_offsets_point_at_the_names() -> None:
    assert all(ROLL_CALL[s.offset : s.offset + len(s.name)] == s.name for s in roll_call(ROLL_CALL))


def test_a_text_without_a_roll_calls_labels_has_none() -> None:
    assert list(roll_call("Mats Gerdau (M) yrkade bifall till enhetens förslag till beslut.")) == []


def test_a_chair_outranks_the_justerare_who_outranks_a_seat() -> None:
    assert ranked("ordförande") < ranked("justerare") < ranked("ledamot")

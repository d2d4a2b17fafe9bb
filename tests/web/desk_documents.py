"""Documents written for the desk's tests (invented events), and a hostile article."""
from __future__ import annotations

import shutil
from pathlib import Path

from armsledger.model import SourceDocument

CAESAR_FR = SourceDocument(
    title="Paris livre des canons Caesar à Kyiv", source="test:caesar-fr", published="2025-03-10", language="fr",
    text=("La France a livré 12 canons Caesar à l'Ukraine pour un montant total de 60 millions d'euros, a annoncé "
          "lundi le ministère des Armées.\n\n"
          "« Ces canons renforceront la défense du pays », a déclaré la ministre Claire Dumas.\n\n"
          "Selon l'ONU, au moins 35 civils ont été tués à Kharkiv la semaine dernière."))

CAESAR_EN = SourceDocument(
    title="France delivers Caesar howitzers to Ukraine", source="test:caesar-en", published="2025-03-11",
    language="en",
    text=("France has delivered 12 Caesar howitzers to Ukraine, worth 65 million euros, the French defence "
          "ministry said on Tuesday.\n\n"
          "\"These guns will strengthen the country's defence,\" minister Claire Dumas said."))

MISSILES_EN = SourceDocument(
    title="Washington approves missile sale to Poland", source="test:missiles-en", published="2024-11-05",
    language="en",
    text=("The United States approved a possible sale of 40 AIM-120 missiles to Poland for $400 million, "
          "the State Department said on Monday.\n\n"
          "The Gaza health ministry said 120 people were killed in Gaza over the weekend."))

# Markup, handlers, javascript: links and entity look-alikes in the text of an article.
HOSTILE_TEXT = (
    "La France a livré 6 canons Caesar à l'Ukraine, a annoncé le ministère. "
    "<script>document.title='PWNED-script'</script> "
    "<img src=x onerror=\"document.title='PWNED-img'\"> "
    "<a href=\"javascript:document.title='PWNED-link'\">cliquez</a> "
    "<svg onload=\"document.title='PWNED-svg'\"></svg> "
    "&lt;b&gt;pas gras&lt;/b&gt; &amp;amp; &#60;i&#62; \"guillemets\" 'apostrophes' "
    "</textarea></mark><style>body{display:none}</style>\n\n"
    "Le ministère a confirmé la livraison.")
HOSTILE = SourceDocument(title="<script>document.title='PWNED-title'</script>Hostile", source="javascript:alert(1)",
                         published="2025-04-01", language="fr", text=HOSTILE_TEXT)

DOCUMENTS = [CAESAR_FR, CAESAR_EN, MISSILES_EN, HOSTILE]

LONG_LINE_CHARS = 5_000_000


def long_line_text() -> str:
    """A document whose second line is 5 MB with markup in it, written to the store directly (the
    extractor takes over a minute on such a line; the desk's concern is showing it)."""
    head = "La France a livré 6 canons Caesar à l'Ukraine.\n"
    line = ("<script>document.title='PWNED-long'</script>" + "A" * 990) * (LONG_LINE_CHARS // 1034)
    return head + line + "\nFin: la Pologne a reçu 4 radars.\n"


TOKEN = "test-token-0123456789"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def long_line_extraction():
    """The 5 MB-line document with two records, at its start and at its end."""
    from armsledger.model import Actor, Document, Extraction, Item, Transfer, document_id
    text = long_line_text()
    head_end = text.index("\n")
    tail = text.rindex("Fin:")
    return Extraction(
        document=Document(id=document_id(text), language="fr", published="2025-04-02", title="Long line",
                          source="test:long-line", text=text),
        transfers=[Transfer(supplier=Actor(id="FRA", name="France"), recipient=Actor(id="UKR", name="Ukraine"),
                            items=[Item(designation="Caesar", category="artillery", quantity=6,
                                        evidence=[(text.index("6 canons"), text.index("6 canons") + 14)])],
                            status="delivered", evidence=[(0, head_end)]),
                   Transfer(supplier=None, recipient=Actor(id="POL", name="Pologne"),
                            items=[Item(designation="radar", category="sensor", quantity=4,
                                        evidence=[(text.index("4 radars"), text.index("4 radars") + 8)])],
                            status="delivered", evidence=[(tail, len(text) - 1)])],
    ).with_record_ids()


def copy_ledger(base: Path, folder: Path) -> str:
    target = folder / "desk.sqlite"
    shutil.copyfile(base, target)
    return str(target)

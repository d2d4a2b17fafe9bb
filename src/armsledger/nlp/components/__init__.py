"""armsledger's spaCy components, one per file, registered with `@Language.factory` on import."""
from armsledger.nlp.components import designations, gazetteer, paragraphs  # noqa: F401  (registration)

"""The teaching tools: exercise checks and their verdicts, grading, notebooks, figures, media
and the report's files. The lesson's math never imports from here."""

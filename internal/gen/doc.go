// Package gen generates a synthetic corpus of Chinese work reports
// (工作总结及工作计划 of 街道, 镇 and 乡) with known, controlled text reuse,
// and scores a reuse detector against it.
//
// The body text comes from real sentences (LoadSentences reads those of
// the shared material); what is copied where is decided by Config, and
// recorded exactly:
//
//   - year on year: a unit's report made from its previous year's, with
//     years moved on, figures changed or replaced by placeholders,
//     punctuation made half-width and clauses inserted;
//   - template families: several units whose reports of one year share
//     much of one template;
//   - splices: paragraphs copied from another unit's report;
//   - clean negatives: units none of whose text is copied to or from
//     anywhere.
//
// Generate returns the reports and the ground truth, as Passages (with
// offsets in characters in both reports); WriteDir writes them out; Score
// measures a detector's passages against the truth (character precision
// and recall, granularity and boundary error). The bench/gen command
// wraps all three.
//
// Text that is not copied is written afresh for each report (see
// FreshMode), so reports share text by chance only in short stock
// phrases. Whole real sentences would not do: the shared material holds
// about 9,600 distinct sentences (417,000 characters), a 9,000-character
// report draws about 200 of them, so any two reports would share about
// four whole sentences by chance, and among 100,000 reports each sentence
// would be in some 2,000. Spliced fresh text repeats like real text does:
// of the 20-character stretches of one 2-million-character sample, 0.75%
// occur in another (0.5% not in the source sentences), where 1.9% of
// those of one half of the real sentences occur in the other half.
//
// Files written by WriteDir:
//
//   - <id>.txt: a report, UTF-8, lines (title, headings, paragraphs)
//     ended by LF;
//   - truth.jsonl: the ground truth, one Passage a line:
//     {"a":"u00007-2023","b":"u00007-2024","a_offset":0,"a_length":812,"b_offset":0,"b_length":815,"kind":"yoy"};
//   - reports.jsonl: one ReportInfo a line: {"id":"u00007-2024",
//     "unit":"龙溪镇","year":2024,"path":"u00007-2024.txt","chars":9120,
//     "made":"yoy","prev":"u00007-2023","clean":false} (family and donors
//     when there are).
package gen

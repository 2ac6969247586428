// Package gongwen is the official 公文 layout: a small model of a document
// (a title, an optional line under it, and paragraphs with heading levels)
// and a writer that sets it as a .docx in the layout of GB/T 9704-2012
// 《党政机关公文格式》.
//
// The layout WriteDOCX produces:
//
//   - A4 paper; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm,
//     leaving the 156 × 225 mm type area;
//   - 22 lines a page (a line grid and exact 28.95 pt line spacing) and
//     28 characters a line (characters condensed by 0.25 pt; see the
//     grid constants in docx.go for why not a character grid);
//   - the title in 二号 (22 pt) 方正小标宋简体, centred, followed by one blank
//     line; the optional subtitle centred in 三号 楷体_GB2312;
//   - body text in 三号 (16 pt) 仿宋_GB2312, every paragraph indented two
//     characters; Latin letters and digits in Times New Roman;
//   - headings 一、 in 黑体, （一） in 楷体_GB2312, 1. and （1） in
//     仿宋_GB2312, as whole paragraphs or run in at the start of a body
//     paragraph ("（一）坚持党建引领。正文…");
//   - page numbers "— 1 —" in 四号 (14 pt) 宋体 with half-width digits,
//     right-aligned one character in on odd pages and left-aligned one
//     character in on even pages.
//
// The fonts are named as the standard and the users' Word and WPS expect
// them (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体); the file embeds
// no font. Where a font is missing, the word processor substitutes one.
//
// FromReport builds a Doc from a report found by package extract.
package gongwen

// Doc is a document to set in the official layout.
type Doc struct {
	// Title is the document title. A line break ("\n") in it starts a new
	// title line, for titles set on two or more lines. Empty: no title.
	Title string
	// Subtitle is an optional line set under the title, such as a date
	// line ("（2024年1月10日）") or the occasion of a speech
	// ("——在全区经济工作会议上的讲话").
	Subtitle string
	// Blocks are the paragraphs, in order.
	Blocks []Block
}

// Block is one paragraph.
type Block struct {
	// Level is 0 for a body paragraph, 1–4 for the heading levels 一、
	// （一） 1. （1）. Other values are treated as 0.
	Level int
	// Text is the paragraph as it should appear, its marker included. A
	// line break ("\n") inside it is kept as a line break; a tab as a tab.
	Text string
	// Head, for a heading (Level 1–4), is the length in bytes of the
	// heading part of a run-in heading: the paragraph is set as body text
	// and only Text[:Head] in the heading's font ("（一）坚持党建引领。" in
	// "（一）坚持党建引领。正文…"). 0, or a Head that covers the whole text,
	// sets the whole paragraph as a heading. Ignored for body paragraphs.
	Head int
	// Flush sets the paragraph flush left, without the two-character
	// indent: the addressee or salutation line under the title
	// ("各位代表：", "同志们：", GB/T 9704 7.3.2).
	Flush bool
	// Cells, when set, make the block a table row, Text aside: the
	// blocks with cells one after another are set as one table.
	Cells []string
}

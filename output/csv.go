package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"zongjie"
)

// csvHeader names the columns of the quantities table, in Chinese for the
// spreadsheet users who open it.
var csvHeader = []string{
	"文件", "报告序号", "报告标题", "单位", "行", "列", "指标", "原文", "数值", "数值上限", "单位名称",
	"基准数值", "基准数值上限", "基准单位", "约数", "占位符", "变化", "增减原文", "增减数值", "增减单位",
	"增减方向", "所在部分",
}

// WriteQuantitiesCSV writes one row per quantity of every report. The
// UTF-8 byte-order mark makes Excel and WPS read the Chinese correctly.
func WriteQuantitiesCSV(w io.Writer, reports []*zongjie.Report) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel expects
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, r := range reports {
		for _, q := range r.Quantities {
			row := []string{
				r.Path, strconv.Itoa(r.Index + 1), r.Title, r.Meta.Unit, strconv.Itoa(q.Line), strconv.Itoa(q.Column),
				q.Name, q.Text, num(q.Value), num(q.ValueTo), q.Unit, num(q.BaseValue), num(q.BaseValueTo), q.BaseUnit,
				q.Approx, yes(q.Placeholder), direction(q.Change), "", "", "", "", sectionName(q.Section),
			}
			if g := q.Growth; g != nil {
				row[17], row[18], row[19], row[20] = g.Text, num(g.Value), g.Unit, direction(g.Direction)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// num formats an optional number without exponent notation.
func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func yes(b bool) string {
	if b {
		return "是"
	}
	return ""
}

// targetsHeader names the columns of the targets table.
var targetsHeader = []string{
	"文件", "报告序号", "报告标题", "单位", "行", "列", "指标", "目标原文", "要求", "数值", "数值上限", "单位名称",
	"基准数值", "基准单位", "变化", "期限", "期限年份", "占位符", "所在句子",
}

// WriteTargetsCSV writes one row per target of every report, like
// WriteQuantitiesCSV.
func WriteTargetsCSV(w io.Writer, reports []*zongjie.Report) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(targetsHeader); err != nil {
		return err
	}
	for _, r := range reports {
		for _, t := range r.Targets {
			year := ""
			if t.Year > 0 {
				year = strconv.Itoa(t.Year)
			}
			row := []string{
				r.Path, strconv.Itoa(r.Index + 1), r.Title, r.Meta.Unit, strconv.Itoa(t.Line), strconv.Itoa(t.Column),
				t.Name, t.Figure, ComparatorWords(t.Comparator), num(t.Value), num(t.ValueTo), t.Unit,
				num(t.BaseValue), t.BaseUnit, direction(t.Change), t.Deadline, year,
				yes(t.Placeholder), t.Text,
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ComparatorWords says a target's comparator in Chinese (不低于, 约 …);
// "" for an exact figure.
func ComparatorWords(c string) string { return comparatorNames[c] }

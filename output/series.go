package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"zongjie"
	"zongjie/track"
)

// WriteSeriesCSV writes one row per point of each series, with Chinese
// headers (opens in Excel and WPS: UTF-8 with a byte-order mark): the
// output of series --format csv and of the web app's series download.
func WriteSeriesCSV(w io.Writer, ss []track.Series) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"指标", "归一名称", "类型", "单位", "期间", "数值", "原文", "报告", "行"})
	for _, s := range ss {
		for _, p := range s.Points {
			cw.Write([]string{s.Indicator, s.Key, MeasureWords(s.Measure), s.Unit, PeriodCodeWords(p.Period),
				strconv.FormatFloat(p.Value, 'f', -1, 64), p.Figure, p.Report, strconv.Itoa(p.Line)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// MeasureWords says a series' measure in Chinese: 增减幅度 for a change,
// 数值 for a level.
func MeasureWords(m string) string {
	if m == "change" {
		return "增减幅度"
	}
	return "数值"
}

// PeriodCodeWords says a period code of the track package (2024FY,
// 2024H1) in Chinese (2024年, 2024年上半年); "时段未识别" for none.
func PeriodCodeWords(code string) string {
	if code == "" {
		return "时段未识别"
	}
	t, err := zongjie.ParseTerm(code)
	if err != nil {
		return code
	}
	return t.Words()
}

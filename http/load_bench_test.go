package http

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"zongjie/app"
)

// loadUnits are the units of loadStore's reports: 20 streets and towns,
// as bench/load's.
var loadUnits = []string{
	"青禾街道", "白沙街道", "东湖街道", "西山街道", "南园街道", "北塘街道", "柳岸镇", "桃源镇", "石桥镇", "河口镇",
	"新城街道", "古城街道", "江南街道", "江北街道", "梅林镇", "松山镇", "竹溪镇", "云台镇", "金沙镇", "银湖镇",
}

// loadStore is a test server over n stored reports of one template whose
// figures all differ, of the 20 units in turn (the local user's view:
// no accounts); it returns their IDs.
func loadStore(b *testing.B, n int) (*Server, []int64) {
	b.Chdir(b.TempDir())
	s := newTestServer(b, nil, Options{})
	var ins []app.Upload
	for i := range n {
		ins = append(ins, app.Upload{Name: fmt.Sprintf("r%d.txt", i), Data: []byte(loadReport(i))})
	}
	res, err := s.app.AddUploads(context.Background(), ins)
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for _, r := range res {
		if r.Err != nil || len(r.Reports) != 1 {
			b.Fatalf("add %s: %v", r.Name, r.Err)
		}
		ids = append(ids, r.Reports[0].ID)
	}
	return s, ids
}

// loadReport is templateReport(i) of the i-th unit of loadUnits.
func loadReport(i int) string {
	return strings.ReplaceAll(templateReport(i), "青禾街道", loadUnits[i%len(loadUnits)])
}

// BenchmarkSimilarAPI serves GET /api/v1/reports/{id}/similar over 300
// stored reports of one template (bench/load's similar API), the report
// asked about in turn.
func BenchmarkSimilarAPI(b *testing.B) {
	s, ids := loadStore(b, 300)
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		w := serve(s, newRequest("GET", "/api/v1/reports/"+strconv.FormatInt(ids[k%len(ids)], 10)+"/similar", nil))
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"largest_text"`) {
			b.Fatalf("status %d: %.300s", w.Code, w.Body)
		}
		k++
	}
}

// BenchmarkUploadAPI serves POST /api/v1/reports of a new report (JSON)
// to a store of 300 (bench/load's upload API): each adds one more.
func BenchmarkUploadAPI(b *testing.B) {
	s, _ := loadStore(b, 300)
	b.ReportAllocs()
	k := 300
	for b.Loop() {
		body, _ := json.Marshal(map[string]string{"name": fmt.Sprintf("up-%d.txt", k), "text": loadReport(k)})
		r := newRequest("POST", "/api/v1/reports", strings.NewReader(string(body)))
		r.Header.Set("Content-Type", "application/json")
		w := serve(s, r)
		if w.Code != 200 && w.Code != 201 || !strings.Contains(w.Body.String(), `"new"`) {
			b.Fatalf("status %d: %.300s", w.Code, w.Body)
		}
		k++
	}
}

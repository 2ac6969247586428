package zongjie

// Words names the level in Chinese (社区, 街道, 镇, 乡, 区, 县, 市, 省级, 国家, 部门);
// "" for an unknown one.
func (l Level) Words() string {
	return map[Level]string{
		LevelCommunity: "社区", LevelStreet: "街道", LevelTown: "镇", LevelTownship: "乡", LevelDistrict: "区",
		LevelCounty: "县", LevelCity: "市", LevelProvince: "省级", LevelNational: "国家", LevelDepartment: "部门",
	}[l]
}

// Words names the genre in Chinese (工作总结, 工作计划, 总结及计划, 讲话);
// "" for an unknown one.
func (g Genre) Words() string {
	return map[Genre]string{
		GenreSummary: "工作总结", GenrePlan: "工作计划", GenreSummaryPlan: "总结及计划", GenreSpeech: "讲话",
	}[g]
}

// Words names the kind of section in Chinese (工作回顾, 亮点, 存在问题,
// 工作计划, 其他); "" for an unknown one.
func (k SectionKind) Words() string {
	return map[SectionKind]string{
		KindReview: "工作回顾", KindHighlights: "亮点", KindProblems: "存在问题", KindPlan: "工作计划", KindOther: "其他",
	}[k]
}

// ParseLevel reads a level as a user gives it: the code (street, town …)
// or its Chinese name (社区, 街道, 镇, 乡, 区, 县, 市, 省, 省级, 国家, 部门).
func ParseLevel(s string) (Level, bool) {
	for _, l := range []Level{LevelCommunity, LevelStreet, LevelTown, LevelTownship, LevelDistrict, LevelCounty, LevelCity, LevelProvince, LevelNational, LevelDepartment} {
		if s == string(l) || s == l.Words() {
			return l, true
		}
	}
	switch s {
	case "省", "自治区", "直辖市":
		return LevelProvince, true
	case "乡镇":
		return LevelTown, true
	}
	return "", false
}

// ParseGenre reads a genre as a user gives it: the code (summary, plan,
// summary+plan, speech) or its Chinese name (工作总结 or 总结, 工作计划 or
// 计划, 总结及计划, 讲话).
func ParseGenre(s string) (Genre, bool) {
	for _, g := range []Genre{GenreSummary, GenrePlan, GenreSummaryPlan, GenreSpeech} {
		if s == string(g) || s == g.Words() {
			return g, true
		}
	}
	switch s {
	case "总结":
		return GenreSummary, true
	case "计划":
		return GenrePlan, true
	}
	return "", false
}

// ParseSectionKind reads a kind of section as a user gives it: the code
// (review, highlights, problems, plan, other) or its Chinese name (工作回顾
// or 回顾, 亮点, 存在问题 or 问题, 工作计划 or 计划, 其他).
func ParseSectionKind(s string) (SectionKind, bool) {
	for _, k := range []SectionKind{KindReview, KindHighlights, KindProblems, KindPlan, KindOther} {
		if s == string(k) || s == k.Words() {
			return k, true
		}
	}
	switch s {
	case "回顾":
		return KindReview, true
	case "问题":
		return KindProblems, true
	case "计划":
		return KindPlan, true
	}
	return "", false
}

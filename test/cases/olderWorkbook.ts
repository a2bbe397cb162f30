/**
 * The calculated-column formulas of a workbook made before issue #16, as that version wrote them
 * (commit 830c353, src/core/shared/tableFormulas.ts), kept here as the text Excel stores: the
 * fixture for bringing an older workbook up to date (test/excel/setup/olderWorkbook.ts builds the
 * workbook itself).
 */

/** The formulas of each calculated column before #16, by table key and header. */
export const FORMULAS_BEFORE_16: Readonly<Record<"commitments" | "scores" | "consensus", Readonly<Record<string, string>>>> = {
  commitments: {
    Measure: "=IFERROR(INDEX(SV_Measures[Measure],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0)),\"\")",
    Proxy: "=IFERROR(IF(INDEX(SV_Measures[Proxy],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))=\"\",\"\",INDEX(SV_Measures[Proxy],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))),\"\")",
    Type: "=IFERROR(INDEX(SV_Measures[Type],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0)),\"\")",
    Value: "=IF(OR([@Ref]=\"\",[@Quantity]=\"\"),0,TENDER.SVVALUE([@Ref],[@Quantity],IFERROR(INDEX(SV_Measures[Ref],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\"),IF(IFERROR(INDEX(SV_Measures[Type],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\")=\"Record\",\"\",IFERROR(INDEX(SV_Measures[Proxy],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0)),\"\"))))",
    Check: "=IF(AND(ISBLANK([@Ref]),ISBLANK([@Quantity]),ISBLANK([@Unit])),\"OK\",TENDER.SVCHECK(IF(ISBLANK([@Ref]),\"\",[@Ref]),IF(ISBLANK([@Quantity]),\"\",[@Quantity]),IF(ISBLANK([@Unit]),\"\",[@Unit]),IFERROR(INDEX(SV_Measures[Ref],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\"),IFERROR(INDEX(SV_Measures[Unit],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\"),IFERROR(INDEX(SV_Measures[InScope],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\"),IFERROR(INDEX(SV_Measures[Proxy],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\"),IFERROR(INDEX(SV_Measures[Type],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(CLEAN(SUBSTITUTE([@Ref]&\"\",UNICHAR(160),\" \"))),\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),SV_Measures[Ref],0))&\"\",\"\")))",
  },
  scores: {
    Value: "=SUM(IF(TRIM(CLEAN(SUBSTITUTE(SV_Commitments[Bidder]&\"\",UNICHAR(160),\" \")))=TRIM(CLEAN(SUBSTITUTE([@Bidder]&\"\",UNICHAR(160),\" \"))),SV_Commitments[Value],0))",
    LEV: "=SUM(IF((TRIM(CLEAN(SUBSTITUTE(SV_Commitments[Bidder]&\"\",UNICHAR(160),\" \")))=TRIM(CLEAN(SUBSTITUTE([@Bidder]&\"\",UNICHAR(160),\" \"))))*(SV_Commitments[Type]=\"LEV\"),SV_Commitments[Value],0))",
    SV: "=SUM(IF((TRIM(CLEAN(SUBSTITUTE(SV_Commitments[Bidder]&\"\",UNICHAR(160),\" \")))=TRIM(CLEAN(SUBSTITUTE([@Bidder]&\"\",UNICHAR(160),\" \"))))*(SV_Commitments[Type]=\"SV\"),SV_Commitments[Value],0))",
    Return: "=TENDER.SVRETURN([@Value],SV_ContractValue)",
    Benchmark: "=TENDER.SVBENCHMARK([@Return])",
    Quantitative: "=IF([@Disregarded]<>\"\",0,TENDER.SVSCORE([@Value],IF([Disregarded]=\"\",[Value],\"\"),SV_MaxPoints*SV_QuantShare,SV_Method,SV_Target))",
    Qualitative: "=IF([@Disregarded]<>\"\",0,SUMIFS(SV_Consensus[Points],SV_Consensus[Bidder],[@Bidder]))",
    Score: "=[@Quantitative]+[@Qualitative]",
    Rank: "=COUNTIF([Score],\">\"&[@Score])+1",
    Disregarded: "=IF(TRIM(SV_RequireBothParts)<>\"Yes\",\"\",IF(AND(SV_QuantShare>0,NOT([@Value]>0)),IF(AND(SV_QuantShare<1,COUNTIFS(SV_Consensus[Bidder],[@Bidder],SV_Consensus[Mark],\">=0\")=0),\"No commitments or answers\",\"No commitments\"),IF(AND(SV_QuantShare<1,COUNTIFS(SV_Consensus[Bidder],[@Bidder],SV_Consensus[Mark],\">=0\")=0),\"No answers\",\"\")))",
  },
  consensus: {
    Marks: "=IFERROR(TEXTJOIN(\", \",1,FILTER(SV_Marks[Evaluator]&\" \"&SV_Marks[Mark],(SV_Marks[Bidder]=[@Bidder])*(SV_Marks[Criterion]=[@Criterion])*ISNUMBER(SV_Marks[Mark]))),\"\")",
    Min: "=IF(COUNTIFS(SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion],SV_Marks[Mark],\">=0\")=0,\"\",MINIFS(SV_Marks[Mark],SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion]))",
    Max: "=IF(COUNTIFS(SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion],SV_Marks[Mark],\">=0\")=0,\"\",MAXIFS(SV_Marks[Mark],SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion]))",
    Spread: "=IF([@Min]=\"\",\"\",[@Max]-[@Min])",
    Flag: "=IF([@Spread]=\"\",\"\",IF([@Spread]>SV_ModerationThreshold,\"Discuss\",\"\"))",
    Mark: "=IF(SV_RollUp=\"consensus\",IF([@Consensus]=\"\",\"\",[@Consensus]),IF(OR(SV_PanelSize=0,COUNTIFS(SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion],SV_Marks[Mark],\">=0\")<SV_PanelSize),\"\",IF(SV_RollUp=\"median\",MEDIAN(FILTER(SV_Marks[Mark],(SV_Marks[Bidder]=[@Bidder])*(SV_Marks[Criterion]=[@Criterion])*ISNUMBER(SV_Marks[Mark]))),SUMIFS(SV_Marks[Mark],SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion])/COUNTIFS(SV_Marks[Bidder],[@Bidder],SV_Marks[Criterion],[@Criterion],SV_Marks[Mark],\">=0\"))))",
    Points: "=IF(OR([@Mark]=\"\",SV_ScaleTop<=0),0,[@Mark]/SV_ScaleTop*SV_MaxPoints*(1-SV_QuantShare)*IFERROR(INDEX(SV_Criteria[Weight],MATCH([@Criterion],SV_Criteria[Id],0))/SUM(SV_Criteria[Weight]),0))",
    Status: "=IF([@Mark]=\"\",\"Open\",IF(OR(AND(SV_RollUp=\"consensus\",TRIM([@Rationale])=\"\"),AND([@Flag]=\"Discuss\",[@Consensus]=\"\")),\"Open\",\"Closed\"))",
  },
};

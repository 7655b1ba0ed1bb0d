/** What a repair did, for the editor's report. */
export interface Repair {
  /** Page line of the paragraph concerned. */
  line: number;
  description: string;
}

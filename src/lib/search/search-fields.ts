/** The names of the filters and metadata the search page reads; one place for the index and the page. */
export const searchFields = {
  unitFilter: '单位',
  columnFilter: '栏目',
  yearFilter: '年份',
  issueFilter: '期',
  /** Metadata: present on drafts, which only `astro dev` indexes. */
  draft: 'draft',
} as const;

/*
 * The words Decap's Simplified Chinese (zh_Hans) leaves in English, counted against its English
 * phrases (47 of 248 in decap-cms 3.16): the notes pane, the editorial workflow's tips, some
 * widgets' buttons. A correspondent should meet no English in the form.
 */

export type Phrases = { [key: string]: string | Phrases };

export const missingChinesePhrases: Phrases = {
  auth: { loginWithForgejo: '使用 Forgejo 登录' },
  collection: {
    collectionTop: { viewAsList: '列表视图', viewAsGrid: '网格视图', newButton: '新建%{collectionLabel}' },
    entries: { unpublishedHeader: '未发布的稿件' },
  },
  editor: {
    editorControl: { field: { widgetLabel: '%{widgetLabel} 字段' } },
    editorControlPane: {
      widget: {
        rangeMin: '%{fieldLabel}至少要 %{minCount} 项。',
        rangeMax: '%{fieldLabel}最多 %{maxCount} 项。',
      },
    },
    editorInterface: { toggleNotes: '显示或隐藏批注' },
    editorNotesPane: {
      title: '批注',
      emptyState: '还没有批注。在下面写下第一条，和编辑一起修改稿件。',
      addNote: '添加批注',
      addPlaceholder: '写一条批注……',
      editPlaceholder: '修改批注……',
      save: '保存',
      cancel: '取消',
      edit: '修改',
      delete: '删除',
      resolve: '标为已解决',
      unresolve: '重新打开',
      confirmDelete: '确定要删除这条批注吗？',
      shortcut: '提示：按 Ctrl+Enter 可以直接添加批注',
    },
    editorToolbar: {
      statusInfoTooltipDraft: '稿件还是草稿。写完后把状态改为“待审核”，编辑才会审稿。',
      statusInfoTooltipInReview: '稿件正在审核，不用再做什么；需要时仍可以修改，修改会随稿件一起送审。',
    },
    editorWidgets: {
      markdown: { strikethrough: '删除线', toggleMode: { rich: '切换到排版模式', markdown: '切换到 Markdown 模式' } },
      image: { chooseMultiple: '选择图片', addMore: '再加图片', removeAll: '移除全部图片' },
      file: { chooseMultiple: '选择文件', addMore: '再加文件', removeAll: '移除全部文件' },
      datetime: { setToNow: '把%{fieldLabel}设为现在' },
      list: { addType: '添加%{item}' },
      object: { expand: '展开', collapse: '收起' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '关闭' } },
  ui: {
    settingsDropdown: { account: '账号选项' },
    toast: {
      noteAdded: '已添加批注',
      onFailToAddNote: '批注没有添加成功：%{details}',
      noteUpdated: '已修改批注',
      onFailToUpdateNote: '批注没有修改成功：%{details}',
      noteDeleted: '已删除批注',
      onFailToDeleteNote: '批注没有删除成功：%{details}',
      noteResolved: '批注已解决',
      noteReopened: '批注已重新打开',
      onFailToToggleNote: '批注状态没有改成功：%{details}',
    },
  },
};

/** `phrases` with `added` laid over it, key by key at every depth. */
export function withPhrases(phrases: Phrases, added: Phrases): Phrases {
  const merged: Phrases = { ...phrases };
  for (const [key, value] of Object.entries(added)) {
    const existing = merged[key];
    merged[key] = typeof value === 'object' && typeof existing === 'object' ? withPhrases(existing, value) : value;
  }
  return merged;
}

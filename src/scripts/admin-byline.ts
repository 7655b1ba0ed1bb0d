/*
 * The form's 署名 field: a role chosen from the ones bulletins print, then the names, one row per
 * role (记者 高乐 / 通讯员 王笛 李明). It saves the one line the contract asks for,
 * "记者 高乐 通讯员 王笛 李明", read back by the same parseByline as the site and `check`.
 */
import { knownRoles, parseByline } from '../lib/text/byline.ts';

type Element = unknown;
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => Element;

interface Row {
  role: string;
  /** The names as typed, spaces and all, so that a second name can be typed after a space. */
  names: string;
}

interface ControlProps {
  value?: unknown;
  onChange(value: string): void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

interface Control {
  props: ControlProps;
  state: { rows: Row[] };
  setState(state: { rows: Row[] }): void;
}

/** The role a correspondent most often signs with: a new article's first row. */
const defaultRole = '通讯员';

function rowsOf(value: unknown): Row[] {
  const groups = parseByline(typeof value === 'string' ? value : '');
  return groups.length
    ? groups.map((group) => ({ role: group.role || defaultRole, names: group.names.join(' ') }))
    : [{ role: defaultRole, names: '' }];
}

/** A known role, as bulletins print it before names. */
const isRole = (token: string | undefined) => knownRoles.some((role) => role === token);

/**
 * The line the rows stand for; a row without names is left out. Names typed or pasted with their
 * role (通讯员 王笛, 记者 高乐 通讯员 李明) are read as written: the role typed wins over the one chosen.
 */
export function bylineText(rows: readonly Row[]): string {
  return rows
    .flatMap((row) => {
      const tokens = row.names
        .trim()
        .split(/[\s\u3000、，,]+/u)
        .filter(Boolean);
      return isRole(tokens[0]) ? parseByline(tokens.join(' ')) : [{ role: row.role, names: tokens }];
    })
    .filter((group) => group.names.length > 0)
    .map((group) => [group.role, ...group.names].join(' '))
    .join(' ');
}

/** Decap's control for 署名, made with the `h` and `createClass` Decap gives its widgets. */
export function bylineControl(h: H, createClass: (spec: object) => unknown): unknown {
  return createClass({
    getInitialState(this: Control) {
      return { rows: rowsOf(this.props.value) };
    },
    update(this: Control, rows: Row[]) {
      this.setState({ rows });
      this.props.onChange(bylineText(rows));
    },
    render(this: Control & { update(rows: Row[]): void }) {
      const { rows } = this.state;
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const change = (index: number, part: Partial<Row>) => this.update(rows.map((row, at) => (at === index ? { ...row, ...part } : row)));
      const roles = (current: string) =>
        knownRoles.includes(current as (typeof knownRoles)[number]) ? [...knownRoles] : [current, ...knownRoles];
      return h(
        'div',
        { className: classNameWrapper, style: { display: 'grid', gap: '0.5em' } },
        ...rows.map((row, index) =>
          h(
            'div',
            { key: index, style: { display: 'flex', gap: '0.5em', alignItems: 'center' } },
            h(
              'select',
              {
                'aria-label': '身份',
                value: row.role,
                onChange: (event: { target: { value: string } }) => change(index, { role: event.target.value }),
                onFocus: setActiveStyle,
                onBlur: setInactiveStyle,
              },
              ...roles(row.role).map((role) => h('option', { key: role, value: role }, role)),
            ),
            h('input', {
              type: 'text',
              id: index === 0 ? forID : `${forID}-${index}`,
              'aria-label': '姓名',
              placeholder: '姓名，几个人用空格隔开',
              value: row.names,
              style: { flex: '1' },
              onChange: (event: { target: { value: string } }) => change(index, { names: event.target.value }),
              onFocus: setActiveStyle,
              onBlur: setInactiveStyle,
            }),
            rows.length > 1
              ? h('button', { type: 'button', onClick: () => this.update(rows.filter((_, at) => at !== index)) }, '删去这一行')
              : null,
          ),
        ),
        h(
          'button',
          { type: 'button', style: { justifySelf: 'start' }, onClick: () => this.update([...rows, { role: '记者', names: '' }]) },
          '再加一种身份',
        ),
      );
    },
  });
}

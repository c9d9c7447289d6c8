import assert from 'node:assert/strict'
import {test} from 'node:test'
import {render, renderTable, useColor} from '../../src/output/index.js'

interface Row {id: number; name: string}
const columns = [
  {header: 'ID', cell: (r: Row) => r.id},
  {header: 'NAME', cell: (r: Row) => r.name},
]
const rows: Row[] = [{id: 1, name: 'host'}, {id: 1234, name: 'world'}]

test('table: headers, left-aligned columns, no borders, no trailing blanks', () => {
  assert.equal(renderTable(rows, columns), 'ID     NAME\n1      host\n1234   world\n')
})

test('json and yaml print the rows, not the table', () => {
  assert.equal(render('json', rows, columns), '[\n  {\n    "id": 1,\n    "name": "host"\n  },\n  {\n    "id": 1234,\n    "name": "world"\n  }\n]\n')
  assert.equal(render('yaml', rows, columns), '- id: 1\n  name: host\n- id: 1234\n  name: world\n')
})

test('colour: always/never win, auto needs a TTY and no NO_COLOR or TERM=dumb', () => {
  assert.equal(useColor('always', {isTTY: false}, {}), true)
  assert.equal(useColor('never', {isTTY: true}, {}), false)
  assert.equal(useColor('auto', {isTTY: true}, {}), true)
  assert.equal(useColor('auto', {isTTY: false}, {}), false)
  assert.equal(useColor('auto', {isTTY: true}, {NO_COLOR: '1'}), false)
  assert.equal(useColor('auto', {isTTY: true}, {TERM: 'dumb'}), false)
})

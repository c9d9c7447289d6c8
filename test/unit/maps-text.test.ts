import assert from 'node:assert/strict'
import {test} from 'node:test'
import {hex, ipv6String, joinHostPort, parseIp, tabwrite} from '../../src/maps/text.js'

test('tabwrite pads every tab-terminated cell to its column width + 3 (min 5), like Go tabwriter(5,0,3)', () => {
  const text = 'POLICY\tDIRECTION\tIDENTITY\t\nAllow\tIngress\t0\t\nDeny\tEgress\t123456\t\n'
  assert.equal(tabwrite(text),
    'POLICY   DIRECTION   IDENTITY   \n' +
    'Allow    Ingress     0          \n' +
    'Deny     Egress      123456     \n')
})

test('tabwrite: text after the last tab is no cell, and a line without tabs ends the column block', () => {
  // The TablePrinter header has one cell fewer than its rows, so its title is not padded.
  assert.equal(tabwrite('KEY\tVALUE\nab\tx\t\n\nlonger-key\ty\t\n'),
    'KEY   VALUE\nab    x    \n\nlonger-key   y    \n')
  // minwidth: short columns are 5 wide.
  assert.equal(tabwrite('a\tb\t\n'), 'a    b    \n')
})

test('ipv6String follows RFC 5952 as Go netip prints it', () => {
  const cases: Array<[string, string]> = [
    ['fd85ee78d8a68607000000000001 0fe5', 'fd85:ee78:d8a6:8607::1:fe5'],
    ['00000000000000000000000000000001', '::1'],
    ['00000000000000000000000000000000', '::'],
    ['20010db8000000000000000000000000', '2001:db8::'],
    ['20010db8000000010000000000000001', '2001:db8:0:1::1'],
    ['20010db8000100000001000000000000', '2001:db8:1:0:1::'],
    ['00000000000000000000ffff0a000001', '::ffff:10.0.0.1'],
  ]
  for (const [hexText, want] of cases) assert.equal(ipv6String(Buffer.from(hexText.replace(/ /g, ''), 'hex'), 0), want)
})

test('parseIp round-trips addresses and rejects junk', () => {
  assert.deepEqual([...parseIp('10.0.1.184')!], [10, 0, 1, 184])
  assert.equal(ipv6String(parseIp('fd85:ee78::1:fe5')!, 0), 'fd85:ee78::1:fe5')
  assert.equal(ipv6String(parseIp('::ffff:1.2.3.4')!, 0), '::ffff:1.2.3.4')
  assert.equal(parseIp('10.0.0.256'), undefined)
  assert.equal(parseIp('nope'), undefined)
})

test('hex pads the digits and joinHostPort brackets IPv6', () => {
  assert.equal(hex(0x13, 4), '0x0013')
  assert.equal(hex(0, 2), '0x00')
  assert.equal(joinHostPort('f00d::1', 0), '[f00d::1]:0')
  assert.equal(joinHostPort('10.0.0.1', 80), '10.0.0.1:80')
})

// ИНН / ОГРН checks and cutting text without splitting a character: node --test tests/js/
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { isValidInn, isValidOgrn, checkCompanyIds, cut, graphemes, textLength } from "../../docs/assets/claim/text.js";
import { signatureName } from "../../docs/assets/claim/letter.js";

// Check digits counted by hand with the tax service's weights:
// ИНН 7707083893: 7·2+7·4+0·10+7·3+0·5+8·9+3·4+8·6+9·8 = 14+28+0+21+0+72+12+48+72 = 267; 267 mod 11 = 3 → 3. ✓
// ОГРН 1027700132195: 102770013219 mod 11 = 5 → 5. ✓   ОГРНИП 304500116000157: 30450011600015 mod 13 = 7 → 7. ✓
// ИНН 500100732259: n11 = (5·7+0·2+0·4+1·10+0·3+0·5+7·9+3·4+2·6+2·8) mod 11 = 148 mod 11 = 5 ✓; n12 = 9 ✓.
test("valid numbers pass, one wrong digit fails", () => {
  assert.ok(isValidInn("7707083893"));
  assert.ok(!isValidInn("7707083894"));
  assert.ok(isValidInn("500100732259"));
  assert.ok(!isValidInn("500100732258"));
  assert.ok(isValidOgrn("1027700132195"));
  assert.ok(!isValidOgrn("1027700132196"));
  assert.ok(isValidOgrn("304500116000157"));
  assert.ok(!isValidOgrn("304500116000158"));
  assert.ok(!isValidInn("77070838931"), "11 digits is no ИНН");
  assert.ok(!isValidOgrn("10277001321950"), "14 digits is no ОГРН");
});

test("the field accepts numbers with or without their names, and names the mistake", () => {
  assert.deepEqual(checkCompanyIds(""), { value: "" });
  assert.deepEqual(checkCompanyIds(" 7707083893 "), { value: "ИНН 7707083893" });
  assert.deepEqual(checkCompanyIds("ИНН: 7707083893, огрн 1027700132195"), { value: "ИНН 7707083893, ОГРН 1027700132195" });
  assert.deepEqual(checkCompanyIds("ОГРНИП 304500116000157"), { value: "ОГРНИП 304500116000157" });
  assert.match(checkCompanyIds("77070838").error, /8 цифр\. В ИНН 10 или 12 цифр, в ОГРН 13, в ОГРНИП 15/);
  assert.match(checkCompanyIds("ИНН 77O7083893").error, /только цифрами/, "a Latin O among the digits");
  assert.match(checkCompanyIds("ОГРН 7707083893").error, /это не ОГРН/);
  assert.match(checkCompanyIds("ИНН 7707083894").error, /контрольной цифре/);
  assert.match(checkCompanyIds("ИНН").error, /нет номера/);
});

test("cutting and counting never split an emoji or an accented letter", () => {
  const family = "👩\u200d👩\u200d👧"; // one family emoji: 5 code points, 8 UTF-16 units
  assert.equal(textLength(family), 1);
  assert.equal(cut(`${family}abc`, 1), family);
  assert.equal(cut("Ли😀нна", 3), "Ли😀");
  const decomposed = "И\u0306ошкар"; // Й written as И + combining breve
  assert.equal(cut(decomposed, 1), "И\u0306");
  assert.equal(graphemes("😀😀").length, 2);
  for (const piece of graphemes(`a${family}😀b`)) assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(piece), "no lone surrogate");
});

test("a signature's initials are whole characters", () => {
  assert.equal(signatureName("Иванова 😀нна Петровна"), "Иванова\u00a0😀.\u00a0П.");
  assert.equal(signatureName("Иванова И\u0306ошка"), "Иванова\u00a0И\u0306.");
});

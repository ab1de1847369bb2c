// The ballot page: it holds the voter's marks only in this page until confirmed, and calls
// only the terminal's own endpoints (the same ones the simulator drives).
'use strict';

// ---- Timings (seconds). A query string overrides them for tests and trials: ?idleWarn=2&prefsReset=5
// The inactivity warning only warns: the page never cancels a session by itself (the session's
// time-out belongs to the terminal's session machine, not to this page).
const IDLE_WARN_SECONDS = 120;   // no input for this long during a session: show the warning
const PREFS_RESET_SECONDS = 30;  // after a vote is recorded, language/size/contrast go back to the defaults
const POLL_MS = 1000;            // how often the idle screen asks for a ballot opened by a scan

const query = new URLSearchParams(location.search);
const secondsFromQuery = (name, fallback) => {
  const v = Number(query.get(name));
  return query.has(name) && Number.isFinite(v) && v > 0 ? v : fallback;
};
const IDLE_WARN_MS = secondsFromQuery('idleWarn', IDLE_WARN_SECONDS) * 1000;
const PREFS_RESET_MS = secondsFromQuery('prefsReset', PREFS_RESET_SECONDS) * 1000;

// ---- Strings. Everything the page itself says. What the terminal sends (contest titles,
// candidate and party names, the review lines) stays in Spanish as sent: the testigo prints it.
const STRINGS = {
  es: {
    pageTitle: 'Boleta electrónica — VMRE',
    settingsTitle: 'Opciones de lectura',
    language: 'Idioma',
    textSize: 'Tamaño del texto',
    contrast: 'Contraste',
    contrastNormal: 'Normal',
    contrastHigh: 'Alto contraste',
    title: 'Boleta electrónica',
    idleTitle: 'Active su boleta',
    idleHelp: 'Presente su código de activación al lector, o escríbalo aquí.',
    codeLabel: 'Código de activación',
    activate: 'Activar',
    ballotTitle: 'Marque su voto',
    ballotHelp: 'En cada elección marque un partido, o varios partidos de la misma coalición, o escriba el nombre de una candidatura no registrada. Después toque «Revisar».',
    writeIn: 'Candidatura no registrada',
    toReview: 'Revisar',
    reviewTitle: 'Revise su voto',
    reviewHelp: 'Así contará su voto. Si algo no es lo que quiso, toque «Corregir».',
    nullNote: 'Atención: este voto contará como voto nulo.',
    back: 'Corregir',
    confirm: 'Votar e imprimir',
    verifyTitle: 'Revise su testigo impreso',
    verifyHelp: 'Revise su testigo impreso. ¿Coincide con su voto?',
    accept: 'Sí, registrar mi voto',
    reject: 'No coincide: anular y corregir',
    rejected: 'Ese testigo quedó anulado: se imprimió ANULADO sobre el mismo papel. Corrija su selección y vote de nuevo.',
    rejectFailed: 'No se pudo anular el testigo. Llame a un funcionario.',
    officialTitle: 'Se necesita un funcionario',
    officialHelp: 'Funcionario/a: acerque su credencial al lector, escriba su PIN y elija.',
    pinLabel: 'PIN',
    clearFault: 'Falla atendida: continuar',
    endSession: 'Terminar la sesión sin voto',
    officialFailed: 'No se aceptó.',
    sessionEnded: 'La sesión terminó sin voto.',
    resumed: 'Puede continuar: revise su selección y vote de nuevo.',
    recorded: 'Su voto fue registrado. Gracias.',
    activationFailed: 'No se pudo activar la boleta. Llame a un funcionario si el problema sigue.',
    selectionFailed: 'No se pudo revisar su selección.',
    confirmFailed: 'No se pudo imprimir el testigo. Llame a un funcionario.',
    acceptFailed: 'No se pudo registrar el voto. Llame a un funcionario.',
    detail: 'Detalle',
    idleWarnTitle: '¿Necesita más tiempo?',
    idleWarnText: 'No hemos detectado actividad desde hace un rato. Su boleta sigue abierta y sus marcas se conservan. Toque «Continuar» para seguir.',
    continue: 'Continuar',
  },
  en: {
    pageTitle: 'Electronic ballot — VMRE',
    settingsTitle: 'Reading options',
    language: 'Language',
    textSize: 'Text size',
    contrast: 'Contrast',
    contrastNormal: 'Standard',
    contrastHigh: 'High contrast',
    title: 'Electronic ballot',
    idleTitle: 'Activate your ballot',
    idleHelp: 'Scan your activation code, or type it here.',
    codeLabel: 'Activation code',
    activate: 'Activate',
    ballotTitle: 'Mark your vote',
    ballotHelp: 'In each contest mark one party, or several parties of the same coalition, or write the name of a non-registered candidate. Then press “Review”.',
    writeIn: 'Non-registered candidate (write-in)',
    toReview: 'Review',
    reviewTitle: 'Review your vote',
    reviewHelp: 'This is how your vote will count (shown in Spanish, as printed on the testigo). If it is not what you meant, press “Change”.',
    nullNote: 'Warning: this vote will count as a null vote.',
    back: 'Change',
    confirm: 'Vote and print',
    verifyTitle: 'Check your printed testigo',
    verifyHelp: 'Check your printed testigo (paper record). Does it match your vote?',
    accept: 'Yes, record my vote',
    reject: 'It does not match: void it and change',
    rejected: 'That testigo was voided: ANULADO printed over the same paper. Change your selection and vote again.',
    rejectFailed: 'The testigo could not be voided. Call an official.',
    officialTitle: 'An official is needed',
    officialHelp: 'Official: hold your credential card to the reader, type your PIN and choose.',
    pinLabel: 'PIN',
    clearFault: 'Fault attended: continue',
    endSession: 'End the session without a vote',
    officialFailed: 'Not accepted.',
    sessionEnded: 'The session ended without a vote.',
    resumed: 'You may continue: review your selection and vote again.',
    recorded: 'Your vote was recorded. Thank you.',
    activationFailed: 'The ballot could not be activated. Call an official if this happens again.',
    selectionFailed: 'Your selection could not be reviewed.',
    confirmFailed: 'The testigo could not be printed. Call an official.',
    acceptFailed: 'The vote could not be recorded. Call an official.',
    detail: 'Detail',
    idleWarnTitle: 'Do you need more time?',
    idleWarnText: 'We have not detected any activity for a while. Your ballot is still open and your marks are kept. Press “Continue” to go on.',
    continue: 'Continue',
  },
};
const DEFAULT_PREFS = Object.freeze({ lang: 'es', size: '100', contrast: 'normal' });
const prefs = { ...DEFAULT_PREFS };
const t = key => (STRINGS[prefs.lang] && STRINGS[prefs.lang][key]) || STRINGS.es[key] || key;

const $ = id => document.getElementById(id);
const SCREENS = ['idle', 'ballot', 'review', 'verify', 'official'];
let screen = 'idle';

// Review finding: names and selection words used to go through innerHTML. They are text and
// stay text (textContent), so markup in a package name or an echoed write-in can never run
// script or change what the voter sees.
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props || {});
  for (const c of children) e.append(c);
  return e;
}

/** An element whose text is one of the page's own strings: retranslated in place on a language change. */
function said(tag, key, props) {
  const e = el(tag, props);
  e.dataset.i18n = key;
  e.textContent = t(key);
  return e;
}

/** A decorative sign next to words that say the same: hidden from screen readers. */
function icon(sign) {
  const e = el('span', { className: 'icon', textContent: sign });
  e.setAttribute('aria-hidden', 'true');
  return e;
}

/** Text that came from the terminal: Spanish, whatever the page's language. */
const spanish = (tag, text, props) => el(tag, { ...(props || {}), lang: 'es', textContent: text });

// ---- Language, text size, contrast (rules.md R9). They change texts and attributes in place and
// never rebuild the ballot, so the voter's marks (checked boxes, the write-in) stay as they are.
let message = null; // { key, detail } so that a language change retranslates it too
const PREF_NAMES = ['lang', 'size', 'contrast'];
const prefButtons = name => document.querySelectorAll(`#settings button[data-${name}]`);

function applyPrefs() {
  const root = document.documentElement;
  root.lang = prefs.lang;
  root.dataset.size = prefs.size;
  root.dataset.contrast = prefs.contrast;
  document.title = t('pageTitle');
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(e => e.setAttribute('aria-label', t(e.dataset.i18nLabel)));
  PREF_NAMES.forEach(name => prefButtons(name).forEach(b => b.setAttribute('aria-pressed', String(b.dataset[name] === prefs[name]))));
  renderMessage();
}

function setPref(name, value) {
  prefs[name] = value;
  applyPrefs();
}

PREF_NAMES.forEach(name => prefButtons(name).forEach(b => b.addEventListener('click', () => setPref(name, b.dataset[name]))));

function renderMessage() {
  const p = $('message');
  if (!message) { p.textContent = ''; return; }
  // A refusal's reason comes from the terminal as it is; the page's own sentence is translated.
  p.textContent = t(message.key) + (message.detail ? ` (${t('detail')}: ${message.detail})` : '');
}

function say(key, detail) {
  message = key ? { key, detail } : null;
  renderMessage();
  if (message) $('message').scrollIntoView({ block: 'nearest' });
}

/** Show one step and put the keyboard/switch focus on its heading, so Tab goes on from there. */
function show(name) {
  screen = name;
  // The voter's inactivity warning has no place on the idle or the officials' screen: left open,
  // its inert page would keep the official from the PIN field.
  if (warningOpen && (name === 'idle' || name === 'official')) dismissIdleWarning();
  SCREENS.forEach(s => { $(s).hidden = s !== name; });
  const heading = $(name + 'Title');
  if (heading) heading.focus();
  armIdleWarning();
}

// While an action the voter or the official started is in flight, the state poll waits for its
// answer, so that it never acts on a state the action is about to change (e.g. the poll seeing a
// cleared fault before the clear's answer and wiping the voter's marks).
let acting = 0;
async function act(fn) {
  acting++;
  try { return await fn(); } finally { acting--; }
}

async function call(method, path, body) {
  const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || response.statusText);
  return json;
}

// ---- The steps.
function renderBallot(ballot) {
  cancelPrefsReset();
  const root = $('ballot');
  const parts = [
    said('h2', 'ballotTitle', { id: 'ballotTitle', tabIndex: -1 }),
    said('p', 'ballotHelp', { id: 'ballotHelp', className: 'help' }),
  ];
  ballot.contests.forEach((contest, i) => {
    const fs = el('fieldset', {}, el('legend', {}, spanish('span', contest.title)));
    fs.dataset.contest = contest.contestId;
    contest.candidacies.forEach((candidacy, j) => {
      const who = spanish('p', candidacy.candidate + (candidacy.coalitionName ? ' — ' + candidacy.coalitionName : ''),
        { id: `cand-${i}-${j}`, className: 'candidate' });
      const div = el('div', { className: 'candidacy' }, who);
      for (const party of candidacy.parties) {
        const box = el('input', { type: 'checkbox', name: 'party', value: party.code });
        box.setAttribute('aria-describedby', who.id);
        div.append(el('span', { className: 'party' }, el('label', {}, box, spanish('span', party.code + ' — ' + party.name))), ' ');
      }
      fs.appendChild(div);
    });
    if (contest.allowsWriteIn) {
      fs.append(el('p', { className: 'writein' }, el('label', {}, said('span', 'writeIn'), ' ',
        el('input', { name: 'writein', maxLength: 40, autocomplete: 'off' }))));
    }
    parts.push(fs);
  });
  const next = said('button', 'toReview', { id: 'toReview', type: 'button', className: 'primary' });
  next.onclick = () => act(review);
  parts.push(next);
  root.replaceChildren(...parts);
  show('ballot');
}

async function review() {
  const contests = [...document.querySelectorAll('#ballot fieldset')].map(fs => {
    const parties = [...fs.querySelectorAll('input[name=party]:checked')].map(i => i.value);
    const w = fs.querySelector('input[name=writein]');
    const writeIn = w && w.value.trim() ? w.value.trim() : null;
    return { contestId: fs.dataset.contest, parties, writeIn };
  });
  try {
    const r = await call('POST', '/api/selection', { contests });
    const lines = r.lines.map(l => {
      const line = el('div', { className: 'review-line' + (l.countsAsNull ? ' null' : '') },
        spanish('strong', l.title), el('br'), spanish('span', l.selection));
      // No colour-only meaning: a null vote says so in words, with an icon, and a border.
      if (l.countsAsNull) line.append(el('p', { className: 'null-note' },
        icon('⚠'), ' ', said('span', 'nullNote')));
      return line;
    });
    const back = said('button', 'back', { id: 'back', type: 'button' });
    const confirm = said('button', 'confirm', { id: 'confirm', type: 'button', className: 'primary' });
    back.onclick = () => { say(null); show('ballot'); };
    confirm.onclick = () => act(confirmVote);
    $('review').replaceChildren(said('h2', 'reviewTitle', { id: 'reviewTitle', tabIndex: -1 }),
      said('p', 'reviewHelp', { className: 'help' }), ...lines, el('div', { className: 'actions' }, back, confirm));
    say(null);
    show('review');
  } catch (e) { say('selectionFailed', e.message); }
}

async function confirmVote() {
  try { await call('POST', '/api/confirm'); say(null); show('verify'); } catch (e) { say('confirmFailed', e.message); }
}

// Once the vote is sealed nothing of it may stay in the page for the next voter (rules.md R3),
// and a second tap must not replace the confirmation with a refusal.
$('accept').onclick = () => act(async () => {
  $('accept').disabled = true;
  try {
    await call('POST', '/api/accept');
    clearBallot();
    say('recorded'); show('idle');
    schedulePrefsReset();
  } catch (e) { say('acceptFailed', e.message); }
  finally { $('accept').disabled = false; }
});

// The voter rejects the testigo: it is voided (with a printed notice) and the marks stay for correcting.
$('reject').onclick = () => act(async () => {
  try { await call('POST', '/api/reject'); say('rejected'); show('ballot'); }
  catch (e) { say('rejectFailed', e.message); }
});

// ---- Officials at the terminal (rules.md R8): card on the reader, PIN here. The voter's marks
// stay in the (hidden) ballot so the voter can go on after a cleared fault, but this screen never
// shows them: it shows the terminal's message and alerts, which hold no selection (rules.md R3).
const FAULTY = ['Interrupted', 'Fault', 'Recovering'];
function renderOfficial(s) {
  $('officialState').textContent = s.message || '';
  $('officialAlerts').replaceChildren(...(s.alerts || []).map(a => el('li', { textContent: a })));
  // Recovering: the terminal prints its owed marks (ANULADO or VOTO EMITIDO) by itself; there is nothing to clear yet.
  $('officialForm').hidden = s.session === 'Recovering';
  $('endSession').hidden = s.session !== 'Interrupted';
  if (screen !== 'official') { $('officialPin').value = ''; show('official'); }
}

/** Where the page goes when the terminal's session left the fault states. */
function leaveOfficial(session, okKey) {
  // A session back at Selecting is the same voter's: their marks are still in the ballot.
  if (session === 'Selecting' && $('ballot').childElementCount > 0) { say(okKey); show('ballot'); }
  else { clearBallot(); say(okKey === 'resumed' ? null : okKey); show('idle'); }
}

function official(path, okKey) {
  return act(async () => {
    const pin = $('officialPin').value;
    $('officialPin').value = '';
    try {
      await call('POST', path, { pin });
      leaveOfficial((await call('GET', '/api/state')).session, okKey);
    } catch (e) {
      // A refusal (no card, wrong PIN, printer still not ready) is said in words, and the PIN
      // field takes the focus again for another try.
      say('officialFailed', e.message);
      if (screen === 'official') $('officialPin').focus();
    }
  });
}
$('clearFault').onclick = () => official('/api/official/clear', 'resumed');
$('endSession').onclick = () => official('/api/official/end-session', 'sessionEnded');
function clearBallot() { $('ballot').replaceChildren(); $('review').replaceChildren(); }

let activating = false;
async function activate() {
  if (activating) return;
  activating = true;
  try { await act(async () => { renderBallot(await call('POST', '/api/activation', { code: $('code').value })); $('code').value = ''; say(null); }); }
  catch (e) { say('activationFailed', e.message); }
  finally { activating = false; }
}
$('activate').onclick = activate;
$('code').addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); activate(); } });

// The terminal's backend also acts without this page: a scanned activation, the physical confirm
// button, a device fault, the inactivity time-out. Poll its state and follow it, never while an
// action of this page is in flight (its answer decides the screen).
let polling = false;
async function followTerminal() {
  if (polling || acting) return;
  polling = true;
  try {
    const s = await call('GET', '/api/state');
    if (acting) return;
    if (FAULTY.includes(s.session)) return renderOfficial(s);
    if (screen === 'official') return leaveOfficial(s.session, 'resumed');
    if (screen === 'idle' && s.session === 'Selecting') {
      const ballot = await call('GET', '/api/ballot');
      // The Activate button may have rendered the ballot meanwhile: never wipe the voter's marks.
      if (screen === 'idle' && !acting) renderBallot(ballot);
    } else if (screen === 'review' && s.session === 'VoterVerifying') {
      say(null); show('verify'); // confirmed with the physical button
    } else if (screen !== 'idle' && s.session === 'Idle') {
      // Sealed with the physical button, or ended by the inactivity time-out: the terminal says which.
      clearBallot();
      say(s.lastSession === 'Recorded' ? 'recorded' : s.lastSession === 'NoVote' ? 'sessionEnded' : null);
      show('idle');
      if (s.lastSession === 'Recorded') schedulePrefsReset();
    }
  } catch { }
  finally { polling = false; }
}
setInterval(followTerminal, POLL_MS);

// Any input during a session tells the terminal the voter is still there (its session time-out).
let lastStillHere = 0;
function stillHere() {
  if (screen === 'idle' || screen === 'official' || Date.now() - lastStillHere < 10000) return;
  lastStillHere = Date.now();
  fetch('/api/still-here', { method: 'POST' }).catch(() => {});
}

// ---- Inactivity warning (rules.md R9): during a session, after IDLE_WARN_MS without input, an
// alert dialog takes the focus; "Continue" (or Escape) closes it and gives the focus back.
let idleTimer = null;
let warningOpen = false;
let focusBeforeWarning = null;

function armIdleWarning() {
  clearTimeout(idleTimer);
  idleTimer = null;
  if (screen !== 'idle' && screen !== 'official' && !warningOpen) idleTimer = setTimeout(openIdleWarning, IDLE_WARN_MS);
}

function openIdleWarning() {
  if (screen === 'idle' || warningOpen) return;
  warningOpen = true;
  focusBeforeWarning = document.activeElement;
  $('settings').inert = true;
  $('app').inert = true;
  $('idleWarning').hidden = false;
  $('continue').focus();
}

/** Hide the warning and make the page usable again (the step that opens next takes the focus). */
function dismissIdleWarning() {
  warningOpen = false;
  $('idleWarning').hidden = true;
  $('settings').inert = false;
  $('app').inert = false;
}

function closeIdleWarning() {
  dismissIdleWarning();
  const back = focusBeforeWarning && document.contains(focusBeforeWarning) && focusBeforeWarning !== document.body
    ? focusBeforeWarning : $(screen + 'Title');
  if (back) back.focus();
  armIdleWarning();
}

$('continue').addEventListener('click', closeIdleWarning);
$('idleWarning').addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); closeIdleWarning(); } });
for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) {
  document.addEventListener(type, () => {
    stillHere();
    if (!warningOpen) armIdleWarning();
    if (screen === 'idle') cancelPrefsReset(); // someone is at the idle screen: leave their choices alone
  }, { capture: true, passive: true });
}

// ---- The next voter starts from the defaults, unless someone is already using the idle screen.
let prefsResetTimer = null;
function schedulePrefsReset() {
  cancelPrefsReset();
  prefsResetTimer = setTimeout(() => {
    prefsResetTimer = null;
    if (screen !== 'idle') return;
    Object.assign(prefs, DEFAULT_PREFS);
    message = null;
    applyPrefs();
  }, PREFS_RESET_MS);
}
function cancelPrefsReset() { clearTimeout(prefsResetTimer); prefsResetTimer = null; }

applyPrefs();

"use strict";
// The calculator page. Every input field names the variable it fills (data-variabele) and, for a person, whose it is
// (data-persoon); the page builds one OpenFisca situation from them, asks /vergelijk, /uitleg and /routes, and shows
// the answer first and the details on demand. Everything it shows comes from the rules' own labels and texts.
// The allowances and their names, as the page's claim sections give them.
const TOESLAG_NAMEN = Object.fromEntries([...document.querySelectorAll(".vordering")].map((d) => [d.dataset.toeslag, d.querySelector("h3").textContent]));
const TOESLAGEN = Object.keys(TOESLAG_NAMEN);
const ROUTE_NAMEN = {direct_betalen: "Alles in één keer betalen", standaardregeling: "Standaardregeling",
  persoonlijke_regeling: "Persoonlijke regeling", verrekening: "Verrekenen met uw toeslag",
  dwanginvordering: "Niet betalen: dwanginvordering"};
const HERVORMINGEN = ["inflatie_geindexeerde_norm", "kosten_van_bestaan_95", "kosten_van_bestaan_100", "werkelijke_lasten",
  "aflossingspercentage_50", "andere_betalingsregelingen_aftrekbaar"];
const MAXIMUM = {kinderen: 20, kostendelers: 10};
const UITKOMST = {
  geen_schuld: "Er is geen schuld.",
  afgewezen_vermogen: "Het verzoek wordt afgewezen: uw spaargeld is genoeg om de schuld te betalen.",
  standaardregeling: "Het verzoek wordt afgewezen: u kunt de standaardregeling betalen.",
  afgewezen_opzet_of_grove_schuld: "Het verzoek wordt afgewezen: bij opzet of grove schuld moet alles binnen 24 maanden betaald worden.",
  geen_invorderingsmaatregelen: "U hoeft niets te betalen: u heeft geen betalingscapaciteit.",
  volledige_aflossing: "U krijgt een persoonlijke regeling waarmee u de hele schuld aflost.",
  gedeeltelijke_aflossing: "U krijgt een persoonlijke regeling van 24 maanden; wat daarna overblijft wordt niet meer ingevorderd.",
};
const MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
  "november", "december"];

const $ = (id) => document.getElementById(id);
// A non-breaking space keeps "€" with its amount.
const euro = (bedrag) => "€\u00a0" + Number(bedrag).toLocaleString("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2});
const getal = (waarde) => Number(waarde).toLocaleString("nl-NL", {maximumFractionDigits: 4});
const datum = (iso) => { const [j, m, d] = iso.split("-").map(Number); return d ? `${d} ${MAANDEN[m - 1]} ${j}` : `${MAANDEN[m - 1]} ${j}`; };

function maak(tag, tekst, klasse) {
  const element = document.createElement(tag);
  if (tekst !== undefined) element.textContent = tekst;
  if (klasse) element.className = klasse;
  return element;
}

// --- errors: next to the field and in a summary at the top that links to each field -----------------------------------

function toonVeldfout(id, tekst) {
  const veld = $(id), melding = $(id + "-fout");
  veld.setAttribute("aria-invalid", "true");
  veld.closest(".veld").classList.add("met-fout");
  melding.textContent = tekst;
  melding.hidden = false;
  for (let open = veld.closest("details"); open; open = open.parentElement.closest("details")) open.open = true;
}

function toonFouten(fouten) {
  for (const [id, tekst] of fouten) toonVeldfout(id, tekst);
  const overzicht = $("foutmelding");
  overzicht.replaceChildren(maak("h2", fouten.length === 1 ? "Er is een fout in het formulier" : `Er zijn ${fouten.length} fouten in het formulier`));
  const lijst = maak("ul");
  for (const [id, tekst] of fouten) {
    const a = maak("a", tekst); a.href = "#" + id;
    a.addEventListener("click", (e) => { e.preventDefault(); $(id).focus(); });
    const li = maak("li"); li.append(a); lijst.append(li);
  }
  overzicht.append(lijst);
  overzicht.hidden = false;
  overzicht.focus();
}

function wisFouten() {
  document.querySelectorAll("[aria-invalid]").forEach((v) => v.removeAttribute("aria-invalid"));
  document.querySelectorAll(".met-fout").forEach((v) => v.classList.remove("met-fout"));
  document.querySelectorAll(".veldfout").forEach((m) => { m.hidden = true; m.textContent = ""; });
  $("foutmelding").hidden = true;
}

// --- reading the fields ------------------------------------------------------------------------------------------------

function leesBedrag(veld) {
  const tekst = veld.value.trim();
  if (tekst === "") return null;
  if (tekst.startsWith("-")) throw [veld.id, "Een bedrag kan niet negatief zijn: vul 0 of meer in."];
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(tekst) || (tekst.includes(".") && tekst.includes(","))) {
    throw [veld.id, `Gebruik geen punt voor duizendtallen: schrijf ${tekst.replaceAll(".", "")}.`];
  }
  const punt = tekst.replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(punt)) throw [veld.id, "Vul een bedrag in euro's in, bijvoorbeeld 575 of 575,50."];
  return Number(punt);
}

function leesGetal(veld) {
  const tekst = veld.value.trim();
  if (tekst === "") return null;
  if (!/^\d+$/.test(tekst)) throw [veld.id, "Vul een geheel getal in (0 of meer)."];
  return Number(tekst);
}

const LEZERS = {
  bedrag: leesBedrag,
  getal: leesGetal,
  vinkje: (veld) => veld.checked,
  datum: (veld) => veld.value || null,
};

// A row per child or housemate: a birth date, and for a housemate the facts Pw art. 19a asks.
const RIJ_VELDEN = {
  kinderen: [],
  kostendelers: [
    ["volgt_onderwijs_met_studiefinanciering", "Volgt een opleiding met studiefinanciering (of een bbl-opleiding)", "Dan deelt deze medebewoner de kosten niet."],
    ["commerciele_overeenkomst", "Huurt of woont in tegen een commerciële prijs, met een schriftelijke overeenkomst, en is geen familie", "Dan deelt deze medebewoner de kosten niet."],
    ["opgenomen_in_inrichting", "Is opgenomen in een verpleeghuis of een andere instelling", "Dan woont deze medebewoner niet in uw woning."],
  ],
};
let volgnummer = 0;

function vinkje(id, variabele, wie, label, hint) {
  const div = maak("div", undefined, "veld vinkje");
  const invoer = maak("input"); Object.assign(invoer, {id, type: "checkbox"});
  Object.assign(invoer.dataset, {soort: "vinkje", variabele, persoon: wie});
  invoer.setAttribute("aria-describedby", `${id}-hint ${id}-fout`);
  const lab = maak("label", label); lab.htmlFor = id;
  const h = maak("p", hint, "hint"); h.id = id + "-hint";
  const fout = maak("p", undefined, "veldfout"); fout.id = id + "-fout"; fout.hidden = true;
  div.append(invoer, lab, h, fout);
  return div;
}

function voegPersoonToe(soort) {
  const lijst = $(soort);
  if (lijst.children.length >= MAXIMUM[soort]) return;
  const id = `${soort}_${++volgnummer}`;
  const wie = soort === "kinderen" ? "Kind" : "Medebewoner";
  const rij = maak("div", undefined, "persoonrij"); rij.dataset.id = id;
  const veld = maak("div", undefined, "veld");
  const lab = maak("label", `${wie}: geboortedatum`); lab.htmlFor = `${id}_geboortedatum`;
  const hint = maak("p", soort === "kinderen" ? "De leeftijd bepaalt wat het kind volgens de wet kost." : "Vanaf 27 jaar (tot 2023: 21) deelt een medebewoner de kosten.", "hint");
  hint.id = `${id}_geboortedatum-hint`;
  const fout = maak("p", undefined, "veldfout"); fout.id = `${id}_geboortedatum-fout`; fout.hidden = true;
  const invoer = maak("input"); Object.assign(invoer, {id: `${id}_geboortedatum`, type: "date"});
  Object.assign(invoer.dataset, {soort: "datum", variabele: "geboortedatum", persoon: id});
  invoer.setAttribute("aria-describedby", `${id}_geboortedatum-hint ${id}_geboortedatum-fout`);
  veld.append(lab, hint, fout, invoer);
  rij.append(veld);
  for (const [variabele, label, uitleg] of RIJ_VELDEN[soort]) rij.append(vinkje(`${id}_${variabele}`, variabele, id, label, uitleg));
  const weg = maak("button", `Verwijder deze ${wie.toLowerCase()}`, "knop-tweede"); weg.type = "button";
  weg.addEventListener("click", () => { rij.remove(); $(soort === "kinderen" ? "kind_toevoegen" : "kostendeler_toevoegen").focus(); });
  rij.append(weg);
  lijst.append(rij);
  invoer.focus();
}

// The situation: every field with data-variabele, on its person (data-persoon) or on the household; nothing is left out
// except the partner's fields when there is no partner. Errors are collected for all fields at once.
function situatie() {
  const fouten = [];
  const periode = $("periode").value;
  if (!/^\d{4}-\d{2}$/.test(periode)) fouten.push(["periode", "Kies de maand van uw verzoek."]);
  const partner = $("heeft_partner").checked;
  const personen = {aanvrager: {}}, huishouden = {aanvrager: ["aanvrager"]};
  if (partner) { personen.partner = {}; huishouden.partner = ["partner"]; }
  for (const soort of ["kinderen", "kostendelers"]) {
    for (const rij of $(soort).children) {
      personen[rij.dataset.id] = {};
      (huishouden[soort] = huishouden[soort] || []).push(rij.dataset.id);
    }
  }
  const metDatum = [];
  for (const veld of document.querySelectorAll("#formulier [data-variabele]")) {
    const {variabele, persoon: wie, soort} = veld.dataset;
    if (!partner && veld.closest(".partner")) continue;  // no partner: the partner's fields are not read
    let waarde;
    try { waarde = LEZERS[soort](veld); } catch (fout) { fouten.push(fout); continue; }
    if (variabele === "geboortedatum" && !waarde) { fouten.push([veld.id, "Vul de geboortedatum in."]); continue; }
    if (waarde === null) continue;
    (wie ? personen[wie] : huishouden)[variabele] = soort === "datum" ? {ETERNITY: waarde} : {[periode]: waarde};
  }
  for (const t of TOESLAGEN) {
    const bedrag = huishouden["terugvordering_" + t], brief = huishouden["beschikkingsdatum_" + t];
    if (bedrag && bedrag[periode] === 0) delete huishouden["terugvordering_" + t];
    if (brief && !huishouden["terugvordering_" + t]) fouten.push(["beschikkingsdatum_" + t, "Vul ook het bedrag in, of laat de datum leeg."]);
    else if (brief) metDatum.push(t);
  }
  if (fouten.length) throw fouten;
  return {periode, metDatum, situatie: {personen, huishoudens: {huishouden}}};
}

async function vraag(pad, body) {
  const antwoord = await fetch(pad, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  const inhoud = await antwoord.json();
  if (!antwoord.ok) throw {server: typeof inhoud.error === "string" ? inhoud.error : JSON.stringify(inhoud)};
  return inhoud;
}

function koppelServerfout(tekst) {
  // The rules name the field (and the person) in their message; show it next to that field when there is one.
  const velden = [...document.querySelectorAll("#formulier [data-variabele]")].filter((v) => new RegExp(`\\b${v.dataset.variabele}\\b`).test(tekst));
  const veld = velden.find((v) => v.dataset.persoon && tekst.includes(v.dataset.persoon)) || velden[0];
  if (veld) { toonFouten([[veld.id, tekst]]); return; }
  $("foutmelding").replaceChildren(maak("h2", "De berekening lukt niet"), maak("p", tekst));
  $("foutmelding").hidden = false;
  $("foutmelding").focus();
}

// --- showing the answer ------------------------------------------------------------------------------------------------

function tabel(koppen, rijen, bijschrift) {
  const t = maak("table", undefined, "stapel");
  t.append(maak("caption", bijschrift));
  const kop = maak("tr");
  for (const k of koppen) { const th = maak("th", k); th.scope = "col"; kop.append(th); }
  const thead = maak("thead"); thead.append(kop); t.append(thead);
  const tbody = maak("tbody");
  for (const rij of rijen) {
    const tr = maak("tr");
    rij.forEach((cel, i) => {
      const td = maak(i ? "td" : "th", cel); td.dataset.kop = koppen[i];
      if (!i) td.scope = "row"; else if (/^€/.test(cel)) td.className = "bedrag";
      tr.append(td);
    });
    tbody.append(tr);
  }
  t.append(tbody);
  return t;
}

function toonKern(u, routes) {
  $("uitkomst-tekst").textContent = UITKOMST[u.uitkomst_verzoek] || u.uitkomst_verzoek;
  const regels = [
    ["Maandbedrag dat Toeslagen vraagt", euro(u.termijnbedrag)],
    ["Aantal maanden", String(u.looptijd_maanden)],
    ["Wordt niet meer ingevorderd", euro(u.restschuld_buiten_invordering)],
    ["Over per maand na al uw lasten", euro(u.vrij_besteedbaar_na_regeling)],
    ["Standaardregeling per maand (zonder verzoek)", routes ? euro(routes.standaard_per_maand) : "vul de datum van de brief in"],
  ];
  if (u.direct_te_betalen_uit_vermogen) regels.splice(3, 0, ["Direct te betalen uit uw spaargeld", euro(u.direct_te_betalen_uit_vermogen)]);
  const dl = $("kerncijfers"); dl.replaceChildren();
  for (const [naam, waarde] of regels) {
    const dd = maak("dd", waarde); dd.dataset.naam = naam;
    dl.append(maak("dt", naam), dd);
  }
}

function toonRoutes(routes, invoer) {
  const huishouden = invoer.situatie.huishoudens.huishouden;
  const rijen = TOESLAGEN.filter((t) => huishouden["terugvordering_" + t]).map((t) => {
    const v = routes && routes.vorderingen.find((x) => x.toeslag === t);
    return [TOESLAG_NAMEN[t], euro(huishouden["terugvordering_" + t][invoer.periode]), v ? datum(v.vervaldag) : "onbekend",
      v ? (v.niet_teruggevorderd ? "wordt niet teruggevorderd" : `${euro(v.standaard_termijn)} × ${v.standaard_looptijd}`) : "onbekend"];
  });
  $("vorderingen").replaceChildren(...(rijen.length ? [tabel(["Toeslag", "Bedrag", "Vervaldag", "Standaardregeling"], rijen, "Uw terugvorderingen")] : []));
  $("routes").hidden = !routes;
  if (!routes) return;
  $("routes-tabel").replaceChildren(tabel(["Manier van betalen", "Totaal betaald", "Rente", "Kosten", "Niet ingevorderd", "Klaar in"],
    Object.entries(routes.routes).map(([naam, x]) => [ROUTE_NAMEN[naam] || naam, euro(x.totaal_betaald), euro(x.totaal_rente),
      euro(x.totaal_kosten), euro(x.niet_ingevorderd), x.afgerond_in ? datum(x.afgerond_in) : "nog niet"]), "Per manier van betalen, alles bij elkaar"));
  $("verschil-met-beslissing").textContent = routes.verschil_met_beslissing;
  $("herziening").textContent = "Herziening van de regeling na een jaar (Leidraad Invordering 2008, paragraaf 79.8): " + routes.toelichting_herziening + ".";
}

function toonWaarschuwing(uitleg) {
  const vak = $("waarschuwing");
  vak.replaceChildren();
  vak.hidden = !uitleg.voorlopig.length;
  if (!uitleg.voorlopig.length) return;
  vak.append(maak("strong", "Voorlopige berekening. "),
    `Voor ${datum(uitleg.periode)} zijn nog niet alle bedragen bekend. Gerekend is met de laatst bekende waarde van:`);
  const lijst = maak("ul");
  for (const v of uitleg.voorlopig) lijst.append(maak("li", `${v.omschrijving} (bekend tot en met ${datum(v.geverifieerd_tot)})`));
  vak.append(lijst);
}

function parameterWaarde(par) {
  const w = par.waarde;
  if (typeof w === "boolean") return w ? "ja" : "nee";
  if (typeof w !== "number") return String(w);
  return {"/1": `${getal(w * 100)} %`, "currency-EUR": euro(w), year: `${getal(w)} jaar`, month: `${getal(w)} maanden`,
    week: `${getal(w)} weken`, day: `${getal(w)} dagen`}[par.eenheid] || getal(w);
}

function stapWaarde(stap) {
  if (stap.waarde_tekst) return stap.waarde_tekst;
  if (typeof stap.waarde === "boolean") return stap.waarde ? "ja" : "nee";
  if (stap.eenheid === "euro per maand") return euro(stap.waarde);
  if (stap.eenheid === "month") return `${stap.waarde} maanden`;
  return typeof stap.waarde === "number" ? getal(stap.waarde) : String(stap.waarde);
}

function bronnen(element, lijst) {
  for (const bron of lijst) {
    const a = maak("a", bron.naam, "artikel"); a.href = bron.href; a.rel = "noopener"; a.target = "_blank";
    element.append(a, " ");
  }
}

function toonUitleg(uitleg) {
  const lijst = $("uitleg"); lijst.replaceChildren();
  for (const stap of uitleg.stappen) {
    const li = maak("li");
    li.append(maak("strong", `${stap.omschrijving}: ${stapWaarde(stap)}`));
    if (stap.regel) li.append(maak("p", stap.regel));
    for (const par of stap.parameters) {
      const p = maak("p", `${par.omschrijving}: ${parameterWaarde(par)} (geldt vanaf ${datum(par.geldt_vanaf)}) `, "parameter");
      bronnen(p, par.bronnen);
      li.append(p);
    }
    const links = maak("p", undefined, "bronnen"); bronnen(links, stap.bronnen); li.append(links);
    lijst.append(li);
  }
  const onzeker = $("onzeker"); onzeker.replaceChildren();
  for (const item of uitleg.onzeker) {
    const li = maak("li"); li.append(maak("strong", item.omschrijving + ": "), item.zin); onzeker.append(li);
  }
  if (!uitleg.onzeker.length) onzeker.append(maak("li", "Alles in deze berekening staat in de gelezen wetteksten."));
  const genegeerd = $("genegeerd"); genegeerd.replaceChildren();
  for (const item of uitleg.telt_niet_mee) {
    genegeerd.append(maak("li", `${item.omschrijving}${typeof item.waarde === "number" ? ": " + euro(item.waarde) : ""} — ${item.waarom}`));
  }
  if (!uitleg.telt_niet_mee.length) genegeerd.append(maak("li", "Alles wat u invulde, telt mee."));
}

function toonHervormingen(vergelijking) {
  const beleid = vergelijking.beleid;
  $("hervormingen-tabel").replaceChildren(tabel(["Beleid", "Maandbedrag", "Maanden", "Niet ingevorderd", "Over per maand"],
    beleid.map((b) => [b.titel, euro(b.uitkomsten[0].termijnbedrag), String(b.uitkomsten[0].looptijd_maanden),
      euro(b.uitkomsten[0].restschuld_buiten_invordering), euro(b.uitkomsten[0].vrij_besteedbaar_na_regeling)]),
    "Geldend recht naast de beleidsalternatieven"));
  // Bars of the monthly amount per policy; the table carries the same numbers. The name sits above its bar, so a long
  // name wraps instead of being cut off, and the amount stays next to the bar.
  const max = Math.max(1, ...beleid.map((b) => b.uitkomsten[0].termijnbedrag));
  const staven = $("grafiek"); staven.replaceChildren();
  for (const b of beleid) {
    const li = maak("li");
    const balk = maak("span", undefined, "balk"); balk.style.width = `${(65 * b.uitkomsten[0].termijnbedrag / max).toFixed(1)}%`;
    const rij = maak("span", undefined, "staaf"); rij.append(balk, maak("span", euro(b.uitkomsten[0].termijnbedrag), "staaf-bedrag"));
    li.append(maak("span", b.titel, "staaf-naam"), rij);
    staven.append(li);
  }
  $("hervormingen").hidden = false;
}

async function bereken(gebeurtenis) {
  gebeurtenis.preventDefault();
  wisFouten();
  let invoer;
  try { invoer = situatie(); } catch (fouten) {
    if (Array.isArray(fouten)) { toonFouten(fouten); return; }
    throw fouten;
  }
  $("bereken").disabled = true;
  try {
    const hervormingen = $("hervormingen_tonen").checked ? HERVORMINGEN : [];
    const vergelijking = await vraag("/vergelijk", {situatie: invoer.situatie, periode: invoer.periode, hervormingen});
    const uitleg = await vraag("/uitleg", {situatie: invoer.situatie, periode: invoer.periode});
    const antwoord = invoer.metDatum.length ? await vraag("/routes", {situatie: invoer.situatie, periode: invoer.periode}) : null;
    const routes = antwoord ? {...antwoord.beleid[0], toelichting_herziening: antwoord.toelichting_herziening} : null;
    toonKern(vergelijking.beleid[0].uitkomsten[0], routes);
    toonWaarschuwing(uitleg);
    if (hervormingen.length) toonHervormingen(vergelijking); else $("hervormingen").hidden = true;
    toonRoutes(routes, invoer);
    toonUitleg(uitleg);
    $("resultaat").hidden = false;
    $("resultaat-kop").focus();
  } catch (fout) {
    if (fout && fout.server) koppelServerfout(fout.server);
    else { $("foutmelding").replaceChildren(maak("h2", "Er ging iets mis"), maak("p", String(fout))); $("foutmelding").hidden = false; }
  } finally {
    $("bereken").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("formulier").addEventListener("submit", bereken);
  $("kind_toevoegen").addEventListener("click", () => voegPersoonToe("kinderen"));
  $("kostendeler_toevoegen").addEventListener("click", () => voegPersoonToe("kostendelers"));
  $("heeft_partner").addEventListener("change", () => {
    document.querySelectorAll(".partner").forEach((e) => { e.hidden = !$("heeft_partner").checked; });
  });
});

"use strict";
// The calculator page: builds an OpenFisca situation from the form, asks /vergelijk, /uitleg and /routes, shows the answers.
const TOESLAGEN = ["huurtoeslag", "zorgtoeslag", "kinderopvangtoeslag", "kindgebonden_budget"];
const HUISHOUDEN_BEDRAGEN = ["huur", "zorgpremie", "betalingen_belastingschulden", "betalingen_toeslagschulden", "kosten_kostgangers",
  "energiekosten", "vervoerskosten", "overige_aflossingen", "financiele_middelen", "ontvangen_huurtoeslag", "ontvangen_zorgtoeslag",
  "ontvangen_kindgebonden_budget"];
const HUISHOUDEN_GETALLEN = ["dagen_met_kostgangers", "aantal_kostgangers"];
const MAXIMUM = {kinderen: 20, kostendelers: 10};
const HERVORMINGEN = ["inflatie_geindexeerde_norm", "kosten_van_bestaan_95", "kosten_van_bestaan_100", "werkelijke_lasten",
  "aflossingspercentage_50", "andere_betalingsregelingen_aftrekbaar"];
const UITKOMST = {
  geen_schuld: "Er is geen schuld.",
  afgewezen_vermogen: "Het verzoek wordt afgewezen: uw spaargeld is genoeg om de schuld te betalen.",
  standaardregeling: "Het verzoek wordt afgewezen: u kunt de standaardregeling betalen.",
  afgewezen_opzet_of_grove_schuld: "Het verzoek wordt afgewezen: bij opzet of grove schuld moet alles binnen 24 maanden betaald worden.",
  geen_invorderingsmaatregelen: "U hoeft niets te betalen: u heeft geen betalingscapaciteit.",
  volledige_aflossing: "U krijgt een persoonlijke regeling waarmee u de hele schuld aflost.",
  gedeeltelijke_aflossing: "U krijgt een persoonlijke regeling van 24 maanden; wat daarna overblijft wordt niet meer ingevorderd.",
};

const $ = (id) => document.getElementById(id);
const euro = (bedrag) => "€ " + Number(bedrag).toLocaleString("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2});

function toonVeldfout(id, tekst) {
  const veld = $(id), melding = $(id + "-fout");
  veld.setAttribute("aria-invalid", "true");
  melding.textContent = tekst;
  melding.hidden = false;
}

function wisFouten() {
  document.querySelectorAll("[aria-invalid]").forEach((v) => v.removeAttribute("aria-invalid"));
  document.querySelectorAll(".veldfout").forEach((m) => { m.hidden = true; m.textContent = ""; });
  $("foutmelding").hidden = true;
}

function leesBedrag(id) {
  const tekst = $(id).value.trim();
  if (tekst === "") return null;
  if (tekst.includes(".") && tekst.includes(",")) throw [id, "Gebruik geen punt voor duizendtallen, bijvoorbeeld 1960,50."];
  const genormaliseerd = tekst.replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(genormaliseerd)) throw [id, "Vul een bedrag in euro's in, bijvoorbeeld 575 of 575,50 (niet negatief)."];
  return Number(genormaliseerd);
}

function leesGetal(id) {
  const tekst = $(id).value.trim();
  if (tekst === "") return null;
  if (!/^\d+$/.test(tekst)) throw [id, "Vul een geheel getal in (0 of meer)."];
  return Number(tekst);
}

// A row per child or housemate: a birth date, and for a housemate the two facts Pw art. 19a asks.
let volgnummer = 0;
function voegPersoonToe(soort) {
  const lijst = $(soort);
  if (lijst.children.length >= MAXIMUM[soort]) return;
  const id = `${soort}_${++volgnummer}`;
  const wie = soort === "kinderen" ? "Kind" : "Medebewoner";
  const rij = document.createElement("div"); rij.className = "persoonrij"; rij.dataset.id = id;
  rij.innerHTML = `<div class="veld"><label for="${id}_geboortedatum"></label>
      <input id="${id}_geboortedatum" type="date" aria-describedby="${id}_geboortedatum-fout">
      <p class="veldfout" id="${id}_geboortedatum-fout" hidden></p></div>` + (soort === "kostendelers" ? `
    <div class="veld keuze"><input id="${id}_studie" type="checkbox"><label for="${id}_studie">Volgt een opleiding met studiefinanciering (of bbl)</label></div>
    <div class="veld keuze"><input id="${id}_commercieel" type="checkbox"><label for="${id}_commercieel">Huurt of woont in tegen een commerciële prijs, met een schriftelijke overeenkomst, en is geen familie</label></div>` : "") +
    `<button type="button" class="klein verwijder">Verwijder</button>`;
  rij.querySelector("label").textContent = `${wie}: geboortedatum`;
  rij.querySelector(".verwijder").textContent = `Verwijder deze ${wie.toLowerCase()}`;
  rij.querySelector(".verwijder").addEventListener("click", () => { rij.remove(); $(soort === "kinderen" ? "kind_toevoegen" : "kostendeler_toevoegen").focus(); });
  lijst.append(rij);
  $(id + "_geboortedatum").focus();
}

function situatie() {
  const periode = $("periode").value;
  if (!/^\d{4}-\d{2}$/.test(periode)) throw ["periode", "Kies de maand van het verzoek."];
  if (!$("aanvrager_geboortedatum").value) throw ["aanvrager_geboortedatum", "Vul uw geboortedatum in."];
  const partner = $("heeft_partner").checked;
  if (partner && !$("partner_geboortedatum").value) throw ["partner_geboortedatum", "Vul de geboortedatum van de partner in."];
  const persoon = (rol) => {
    const p = {geboortedatum: {ETERNITY: $(rol + "_geboortedatum").value}};
    const inkomen = leesBedrag(rol + "_netto_inkomen");
    if (inkomen !== null) p.netto_inkomen = {[periode]: inkomen};
    return p;
  };
  const personen = {aanvrager: persoon("aanvrager")};
  const huishouden = {aanvrager: ["aanvrager"]};
  if (partner) { personen.partner = persoon("partner"); huishouden.partner = ["partner"]; }
  for (const soort of ["kinderen", "kostendelers"]) {
    for (const rij of $(soort).children) {
      const id = rij.dataset.id;
      const datum = $(id + "_geboortedatum").value;
      if (!datum) throw [id + "_geboortedatum", "Vul de geboortedatum in, of verwijder deze rij."];
      personen[id] = {geboortedatum: {ETERNITY: datum}};
      if (soort === "kostendelers") {
        personen[id].volgt_onderwijs_met_studiefinanciering = {[periode]: $(id + "_studie").checked};
        personen[id].commerciele_overeenkomst = {[periode]: $(id + "_commercieel").checked};
      }
      (huishouden[soort] = huishouden[soort] || []).push(id);
    }
  }
  for (const naam of HUISHOUDEN_BEDRAGEN) {
    const bedrag = leesBedrag(naam);
    if (bedrag !== null) huishouden[naam] = {[periode]: bedrag};
  }
  for (const naam of HUISHOUDEN_GETALLEN) {
    const getal = leesGetal(naam);
    if (getal !== null) huishouden[naam] = {[periode]: getal};
  }
  huishouden.auto_nodig_voor_werk = {[periode]: $("auto_nodig_voor_werk").checked};
  const metDatum = [];
  for (const t of TOESLAGEN) {
    const bedrag = leesBedrag("terugvordering_" + t);
    if (bedrag === null || bedrag === 0) continue;
    huishouden["terugvordering_" + t] = {[periode]: bedrag};
    const datum = $("beschikkingsdatum_" + t).value;
    if (datum) { huishouden["beschikkingsdatum_" + t] = {ETERNITY: datum}; metDatum.push(t); }
  }
  return {periode, metDatum, situatie: {personen, huishoudens: {huishouden}}};
}

async function vraag(pad, body) {
  const antwoord = await fetch(pad, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  const inhoud = await antwoord.json();
  if (!antwoord.ok) throw {server: typeof inhoud.error === "string" ? inhoud.error : JSON.stringify(inhoud)};
  return inhoud;
}

function koppelServerfout(tekst) {
  // The rules name the field in their message; show it next to that field when there is one.
  for (const veld of document.querySelectorAll("[data-variabele]")) {
    if (tekst.includes(veld.dataset.variabele)) { toonVeldfout(veld.id, tekst); veld.focus(); return; }
  }
  $("foutmelding").textContent = "De berekening lukt niet: " + tekst;
  $("foutmelding").hidden = false;
}

function rij(cellen, kop = false) {
  const tr = document.createElement("tr");
  for (const c of cellen) { const td = document.createElement(kop ? "th" : "td"); td.textContent = c; if (kop) td.scope = "col"; tr.append(td); }
  return tr;
}

function tabel(kop, rijen, bijschrift) {
  const t = document.createElement("table");
  const caption = document.createElement("caption"); caption.textContent = bijschrift; t.append(caption);
  const thead = document.createElement("thead"); thead.append(rij(kop, true)); t.append(thead);
  const tbody = document.createElement("tbody"); rijen.forEach((r) => tbody.append(rij(r))); t.append(tbody);
  return t;
}

function toonOverzicht(geldend, routes, invoer) {
  const u = geldend.uitkomsten[0];
  const doel = $("overzicht"); doel.replaceChildren();
  const vorderingen = TOESLAGEN.filter((t) => invoer.situatie.huishoudens.huishouden["terugvordering_" + t])
    .map((t) => [t.replace("_", " "), euro(invoer.situatie.huishoudens.huishouden["terugvordering_" + t][invoer.periode])]);
  vorderingen.push(["Totaal", euro(u.schuld)]);
  doel.append(tabel(["Toeslag", "Open bedrag"], vorderingen, "Uw terugvorderingen samen"));
  const p = document.createElement("p"); p.className = "uitkomst"; p.id = "uitkomst-tekst";
  p.textContent = UITKOMST[u.uitkomst_verzoek] || u.uitkomst_verzoek; doel.append(p);
  const dl = document.createElement("dl");
  const regels = [
    ["Standaardregeling (zonder verzoek)", routes ? euro(routes.standaard_per_maand) + " per maand" : "vul de datum van de brief in"],
    ["Maandbedrag dat Toeslagen vraagt", euro(u.termijnbedrag)],
    ["Aantal maanden", String(u.looptijd_maanden)],
    ["Wordt niet meer ingevorderd", euro(u.restschuld_buiten_invordering)],
    ["Over per maand na al uw lasten", euro(u.vrij_besteedbaar_na_regeling)],
  ];
  for (const [naam, waarde] of regels) {
    const dt = document.createElement("dt"); dt.textContent = naam;
    const dd = document.createElement("dd"); dd.textContent = waarde; dd.dataset.naam = naam;
    dl.append(dt, dd);
  }
  doel.append(dl);
  if (routes) {
    const r = routes.routes;
    doel.append(tabel(["Route", "Totaal betaald", "Rente", "Kosten", "Niet ingevorderd", "Klaar in"],
      Object.entries(r).map(([naam, x]) => [naam.replaceAll("_", " "), euro(x.totaal_betaald), euro(x.totaal_rente),
        euro(x.totaal_kosten), euro(x.niet_ingevorderd), x.afgerond_in || "nog niet"]), "Wat elke route u kost"));
    const verschil = document.createElement("p"); verschil.id = "verschil-met-beslissing";
    verschil.textContent = routes.verschil_met_beslissing; doel.append(verschil);
    const herziening = document.createElement("p"); herziening.className = "hint"; herziening.id = "herziening";
    herziening.textContent = "Herziening van de regeling (Leidraad 79.8): " + routes.toelichting_herziening + ".";
    doel.append(herziening);
  }
}

function toonUitleg(uitleg) {
  $("waarschuwing").textContent = uitleg.waarschuwing || "";
  $("waarschuwing").hidden = !uitleg.waarschuwing;
  const onzeker = $("onzeker"); onzeker.replaceChildren();
  for (const item of uitleg.onzeker) {
    const li = document.createElement("li");
    const kop = document.createElement("strong"); kop.textContent = item.omschrijving + ": ";
    li.append(kop, item.zin);
    onzeker.append(li);
  }
  if (!uitleg.onzeker.length) { const li = document.createElement("li"); li.textContent = "Alles in deze berekening staat in de gelezen wetteksten."; onzeker.append(li); }
  const lijst = $("uitleg"); lijst.replaceChildren();
  for (const stap of uitleg.stappen) {
    const li = document.createElement("li");
    const kop = document.createElement("strong");
    kop.textContent = `${stap.omschrijving}: ${typeof stap.waarde === "number" && stap.eenheid === "euro per maand" ? euro(stap.waarde) : stap.waarde}`;
    li.append(kop, " ");
    if (stap.regel) { const p = document.createElement("p"); p.textContent = stap.regel; li.append(p); }
    for (const par of stap.parameters) {
      const p = document.createElement("p"); p.className = "parameter";
      p.textContent = `${par.omschrijving}: ${par.waarde} (geldt vanaf ${par.geldt_vanaf}) `;
      if (par.bron) { const a = document.createElement("a"); a.href = typeof par.bron === "string" ? par.bron : par.bron.href; a.textContent = "bron"; p.append(a); }
      li.append(p);
    }
    for (const link of stap.artikelen.slice(0, 2)) {
      const a = document.createElement("a"); a.href = link; a.textContent = "artikel " + (link.split("#")[1] || "").replace("Artikel", "").replace("Circulaire.divisie", "Leidraad ");
      a.className = "artikel"; li.append(a, " ");
    }
    lijst.append(li);
  }
  const genegeerd = $("genegeerd"); genegeerd.replaceChildren();
  for (const item of uitleg.telt_niet_mee) {
    const li = document.createElement("li");
    li.textContent = `${item.omschrijving}${typeof item.waarde === "number" ? ": " + euro(item.waarde) : ""} — ${item.waarom}`;
    genegeerd.append(li);
  }
}

function toonHervormingen(vergelijking) {
  const beleid = vergelijking.beleid;
  $("hervormingen-tabel").replaceChildren(tabel(["Beleid", "Maandbedrag", "Maanden", "Niet ingevorderd", "Over per maand"],
    beleid.map((b) => [b.titel, euro(b.uitkomsten[0].termijnbedrag), String(b.uitkomsten[0].looptijd_maanden),
      euro(b.uitkomsten[0].restschuld_buiten_invordering), euro(b.uitkomsten[0].vrij_besteedbaar_na_regeling)]),
    "Geldend recht naast de beleidsalternatieven"));
  // A small bar chart (SVG) of the monthly amount per policy; the table above carries the same numbers.
  const max = Math.max(1, ...beleid.map((b) => b.uitkomsten[0].termijnbedrag));
  const hoogte = 28 * beleid.length + 10;
  const svg = [`<svg role="img" aria-labelledby="grafiek-titel" viewBox="0 0 640 ${hoogte}" width="100%">`,
    `<title id="grafiek-titel">Maandbedrag per beleid</title>`];
  beleid.forEach((b, i) => {
    const w = Math.round(300 * b.uitkomsten[0].termijnbedrag / max);
    svg.push(`<text x="0" y="${i * 28 + 20}" font-size="13">${b.titel.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`,
      `<rect x="300" y="${i * 28 + 6}" width="${w}" height="18" fill="#1f5f99"></rect>`,
      `<text x="${305 + w}" y="${i * 28 + 20}" font-size="13">${euro(b.uitkomsten[0].termijnbedrag)}</text>`);
  });
  svg.push("</svg>");
  $("grafiek").innerHTML = svg.join("");
  $("hervormingen").hidden = false;
}

async function bereken(gebeurtenis) {
  gebeurtenis.preventDefault();
  wisFouten();
  let invoer;
  try { invoer = situatie(); } catch (fout) {
    if (Array.isArray(fout)) { toonVeldfout(fout[0], fout[1]); $(fout[0]).focus(); return; }
    throw fout;
  }
  $("bereken").disabled = true;
  try {
    const hervormingen = $("hervormingen_tonen").checked ? HERVORMINGEN : [];
    const vergelijking = await vraag("/vergelijk", {situatie: invoer.situatie, periode: invoer.periode, hervormingen});
    const uitleg = await vraag("/uitleg", {situatie: invoer.situatie, periode: invoer.periode});
    const antwoord = invoer.metDatum.length ? await vraag("/routes", {situatie: invoer.situatie, periode: invoer.periode}) : null;
    const routes = antwoord ? {...antwoord.beleid[0], toelichting_herziening: antwoord.toelichting_herziening} : null;
    toonOverzicht(vergelijking.beleid[0], routes, invoer);
    toonUitleg(uitleg);
    if (hervormingen.length) toonHervormingen(vergelijking); else $("hervormingen").hidden = true;
    $("resultaat").hidden = false;
    $("resultaat-kop").focus();
  } catch (fout) {
    if (fout && fout.server) koppelServerfout(fout.server); else { $("foutmelding").textContent = "Er ging iets mis: " + fout; $("foutmelding").hidden = false; }
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

/** @jest-environment jsdom */
import "../setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { COLCHESTER, ESSEX, PPN002, SOCIAL_VALUE_MODEL, SOUTHEND } from "../../../src/core";
import { SetupPage } from "../../../src/taskpane/setup/SetupPage";
import { aFakeActions } from "../fakeActions";
import { renderPage } from "../renderPage";

jest.setTimeout(20_000);

function renderSetup() {
  return renderPage(<SetupPage actions={aFakeActions()} />);
}

async function chooseFramework(user: UserEvent, name: string): Promise<void> {
  await user.selectOptions(screen.getByRole("combobox", { name: "Framework" }), name);
  await waitFor(() => expect(screen.queryByText("Loading…")).not.toBeInTheDocument());
}

const share = () => screen.getByRole("textbox", { name: /Share of the points for commitments/ });
const problems = () => screen.queryByRole("list", { name: "Problems with the settings" });

describe("Set up: a framework's starting settings", () => {
  it("starts a qualitative framework (Southend) with nothing for commitments, and warns if points go back on them", async () => {
    const { user } = renderSetup();
    expect(share()).toHaveValue("50");
    await chooseFramework(user, SOUTHEND.name);
    expect(share()).toHaveValue("0");
    expect(problems()?.textContent ?? "").not.toMatch(/values nothing in £/);
    await user.clear(share());
    await user.paste("40");
    expect(screen.getByText(`${SOUTHEND.name} values nothing in £: the 40% for commitments would score 0 for every bidder.`)).toBeInTheDocument();
  });

  it("starts Essex scored against its 25p per £1 target, half the points on commitments", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    expect(screen.getByRole("combobox", { name: "Scoring method" })).toHaveValue("target");
    expect(screen.getByRole("textbox", { name: /Target return/ })).toHaveValue("25");
    expect(share()).toHaveValue("50");
    expect(screen.getByRole("textbox", { name: /weighting/i })).toHaveValue("10");
  });

  it("never replaces a figure the user typed: a 50p Essex target and a 15% weighting survive switching framework and back", async () => {
    const { user } = renderSetup();
    const weighting = () => screen.getByRole("textbox", { name: /weighting/i });
    await user.clear(weighting());
    await user.paste("15");
    await chooseFramework(user, ESSEX.name);
    expect(weighting()).toHaveValue("15");
    const target = screen.getByRole("textbox", { name: /Target return/ });
    await user.clear(target);
    await user.paste("50");
    await chooseFramework(user, SOUTHEND.name);
    // Southend's 0% for commitments replaces the untouched 50%; what was typed stays.
    expect(share()).toHaveValue("0");
    await chooseFramework(user, ESSEX.name);
    expect(weighting()).toHaveValue("15");
    expect(screen.getByRole("textbox", { name: /Target return/ })).toHaveValue("50");
    expect(share()).toHaveValue("50");
  });

  it("puts the form's own starting text back when no framework is chosen", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    await user.selectOptions(screen.getByRole("combobox", { name: "Framework" }), "Choose a framework…");
    expect(screen.getByRole("combobox", { name: "Scoring method" })).toHaveValue("relative");
    expect(share()).toHaveValue("50");
  });

  it("warns when every measure in scope is record-only (Colchester) and commitments carry points", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, COLCHESTER.name);
    await user.click(screen.getByRole("button", { name: /^Employing local people/ }));
    await user.click(screen.getByRole("checkbox", { name: /^COL1 / }));
    expect(problems()?.textContent ?? "").not.toMatch(/SV316/);
    await user.clear(share());
    await user.paste("50");
    expect(screen.getByText(/Every measure in scope is record-only \(COL1\), so the 50% of the social value points for commitments will be 0 for every bidder/)).toBeInTheDocument();
  });

  it("says PPN 002 replaced PPN 06/20 for a central government procurement begun after 30 September 2025", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, SOCIAL_VALUE_MODEL.name);
    await user.selectOptions(screen.getByRole("combobox", { name: "Buyer" }), "central");
    fireEvent.change(screen.getByLabelText(/Procurement began/), { target: { value: "2026-01-12" } });
    expect(await screen.findByText(`${SOCIAL_VALUE_MODEL.name} is for procurements begun from 1 January 2021 to 30 September 2025; this one began on 12 January 2026.`)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`Choose ${PPN002.name.replace(/[()]/g, "\\$&")}, which replaced it for procurements begun after 30 September 2025`))).toBeInTheDocument();
    await chooseFramework(user, PPN002.name);
    expect(problems()?.textContent ?? "").not.toMatch(/is for procurements begun/);
  });
});

import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EndUserOptionContent } from "./end-user-option";

const hostileName = "<img src=x onerror=alert(1)>";

describe("EndUserOptionContent", () => {
  it("renders a hostile name as text", () => {
    const { container } = render(
      <MantineProvider>
        <EndUserOptionContent
          exact={false}
          user={{
            heron_id: "eus_abcdefghijklmnopqrstuv",
            end_user_id: "evil-1",
            name: hostileName,
            status: null,
          }}
        />
      </MantineProvider>,
    );

    expect(screen.getByText(hostileName)).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
  });

  it("shows both ids and a placeholder for a missing name", () => {
    render(
      <MantineProvider>
        <EndUserOptionContent
          exact
          user={{
            heron_id: "eus_abcdefghijklmnopqrstuv",
            end_user_id: "acme-42",
            name: null,
            status: "active",
          }}
        />
      </MantineProvider>,
    );

    expect(screen.getByText("(no name)")).toBeTruthy();
    expect(
      screen.getByText("acme-42 · eus_abcdefghijklmnopqrstuv"),
    ).toBeTruthy();
    expect(screen.getByText("exact match")).toBeTruthy();
  });
});

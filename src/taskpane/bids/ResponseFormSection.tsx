import { Button, Field, Input } from "@fluentui/react-components";
import type { ResponseFormState } from "./useResponseForm";
import { NoticeRegions } from "../Notice";
import { useBidsPageStyles } from "./BidsPage.styles";

export function ResponseFormSection({ state, busy }: { readonly state: ResponseFormState; readonly busy: boolean }) {
  const styles = useBidsPageStyles();
  return (
    <section className={styles.section} aria-labelledby="bids-form-heading">
      <h3 id="bids-form-heading" className={styles.heading}>
        Response form
      </h3>
      <p className={styles.text}>
        A workbook to send with the tender: the measures in scope, where bidders enter what they commit to, their baseline, their actions and how
        delivery will be verified, with a sheet for the written answers.
      </p>
      <Field label="Bidder's name (optional)" hint="Fills in the name on the form, for a form sent to one bidder.">
        <Input value={state.bidder} onChange={(_, d) => state.setBidder(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={state.onBuild} disabled={busy}>
          Build form
        </Button>
        {state.built !== undefined && (
          <>
            <Button onClick={state.onOpen} disabled={busy}>
              Open in Excel
            </Button>
            <Button onClick={state.onDownload} disabled={busy}>
              Download
            </Button>
          </>
        )}
      </div>
      <NoticeRegions notice={state.notice} className={styles.results} />
    </section>
  );
}

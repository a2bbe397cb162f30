import type { ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  useId,
} from "@fluentui/react-components";
import type { RecordChange, SignOffResult, VerifyResult } from "../../excel/moderation/moderationActions";
import type { SignOffState } from "./useSignOff";
import { NoticeRegions } from "../Notice";
import { formatWhen } from "./wording";
import { useModerationPageStyles } from "./ModerationPage.styles";

export interface SignOffSectionProps {
  readonly signOff: SignOffState;
  readonly busy: boolean;
  /** The progress of this section's action, while one runs. */
  readonly progress?: ReactNode;
}

/**
 * Sign-off: a final review of anything still open, then signing, which freezes the record; and
 * Verify, which compares the workbook with the record as signed.
 */
export function SignOffSection({ signOff, busy, progress }: SignOffSectionProps) {
  const styles = useModerationPageStyles();
  const headingId = useId("signoff-heading-");
  const whyNotId = useId("signoff-why-not-");
  const { review, signed } = signOff;
  const alreadySigned = review?.alreadySigned;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading}>
        Sign-off
      </h3>
      <p className={styles.text}>
        Signing makes the moderation record final: the TENDER formulas in the record&apos;s sheets become values (so anyone can read them
        without the add-in), the sheets are protected, and a fingerprint of the record is stored so any later change can be found.
      </p>
      <div className={styles.actions}>
        <Button appearance={review === undefined ? "primary" : "secondary"} onClick={signOff.onReview} disabled={busy}>
          {review === undefined ? "Review for sign-off" : "Review again"}
        </Button>
        <Button onClick={signOff.onVerify} disabled={busy}>
          Verify the record
        </Button>
      </div>
      {progress}
      <NoticeRegions notice={signOff.notice} />
      {review !== undefined && signed === undefined && (
        <div role="status" className={styles.results}>
          {alreadySigned !== undefined ? (
            <p className={styles.text}>
              Already signed by {alreadySigned.signedBy} on {formatWhen(alreadySigned.signedAt)}. Fingerprint{" "}
              <span className={styles.fingerprint}>{alreadySigned.fingerprint}</span>
            </p>
          ) : review.open.length === 0 ? (
            <p className={styles.text}>Nothing is open: the record is ready to sign.</p>
          ) : (
            <p className={styles.text}>
              {review.open.length === 1 ? "1 thing is" : `${review.open.length} things are`} still open. Close{" "}
              {review.open.length === 1 ? "it" : "them"} before signing:
            </p>
          )}
        </div>
      )}
      {review !== undefined && signed === undefined && alreadySigned === undefined && review.open.length > 0 && (
        <ul className={styles.bulleted}>
          {review.open.map((item, i) => (
            <li key={`${item.kind}-${i}`}>
              {item.message}
              {item.sheet !== undefined && item.address !== undefined && (
                <>
                  {" "}
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`Go to ${item.sheet} ${item.address}`}
                    onClick={() => signOff.onGoTo(item.sheet as string, item.address as string)}
                  >
                    Go to cell {item.address}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {signed === undefined && alreadySigned === undefined && (
        <>
          <Field label="Name of the person signing" hint="Usually the panel's chair or the procurement lead.">
            <Input value={signOff.signer} onChange={(_e, data) => signOff.onSignerChange(data.value)} disabled={busy} />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={busy || !signOff.canSign}
              aria-describedby={signOff.whyNot === undefined ? undefined : whyNotId}
              onClick={signOff.onAskToSign}
            >
              Sign off the record
            </Button>
            {signOff.whyNot !== undefined && (
              <span id={whyNotId} className={styles.quiet}>
                {signOff.whyNot}
              </span>
            )}
          </div>
        </>
      )}
      {signed !== undefined && <Signed result={signed} />}
      {signOff.verified !== undefined && <Verified result={signOff.verified} onGoTo={signOff.onGoTo} />}
      <Dialog modalType="alert" open={signOff.confirming} onOpenChange={(_e, data) => signOff.onConfirmChange(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Sign off the record?</DialogTitle>
            <DialogContent>
              <p className={styles.text}>
                {signOff.signer.trim()} signs the moderation record. This cannot be undone: the formulas in the record&apos;s sheets become
                values and the sheets are protected. Any change afterwards shows in Verify.
              </p>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={signOff.onSign}>
                Sign off now
              </Button>
              <Button onClick={() => signOff.onConfirmChange(false)}>Not yet</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

function Signed({ result }: { result: SignOffResult }) {
  const styles = useModerationPageStyles();
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Signed</MessageBarTitle>
        Signed by {result.signedBy} on {formatWhen(result.signedAt)}. Frozen and protected: {result.sheets.join(", ")}. Fingerprint{" "}
        <span className={styles.fingerprint}>{result.fingerprint}</span>
      </MessageBarBody>
    </MessageBar>
  );
}

function Verified({ result, onGoTo }: { result: VerifyResult; onGoTo: (sheet: string, address: string) => void }) {
  const styles = useModerationPageStyles();
  if (result.status === "unsigned") {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>The record is not signed yet, so there is nothing to verify.</MessageBarBody>
      </MessageBar>
    );
  }
  const signed = `signed by ${result.signedBy ?? "someone"}${result.signedAt === undefined ? "" : ` on ${formatWhen(result.signedAt)}`}`;
  if (result.status === "intact") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Intact</MessageBarTitle>
          The record is exactly as {signed}. Fingerprint <span className={styles.fingerprint}>{result.fingerprint}</span>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Changed since sign-off</MessageBarTitle>
        The record was {signed}. {result.changes.length === 1 ? "1 change was" : `${result.changes.length} changes were`} found:
        <ul className={styles.bulleted}>
          {result.changes.map((change, i) => (
            <ChangeLine key={`${change.sheet}-${change.address ?? ""}-${i}`} change={change} onGoTo={onGoTo} />
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ChangeLine({ change, onGoTo }: { change: RecordChange; onGoTo: (sheet: string, address: string) => void }) {
  const { sheet, address } = change;
  return (
    <li>
      {sheet}: {change.message}
      {address !== undefined && (
        <>
          {" "}
          <Button size="small" appearance="subtle" aria-label={`Go to ${sheet} ${address}`} onClick={() => onGoTo(sheet, address)}>
            Go to cell {address}
          </Button>
        </>
      )}
    </li>
  );
}

import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';

/** A listener of one event: its payload is typed by the contract (shared/ipc/contract.ts). */
export type AppEventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** A listener of every event, for the forwarders (the window, browser mode's pages). */
export type AnyAppEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type Unsubscribe = () => void;

type ListenersByEvent = { [E in EventName]: Set<AppEventListener<E>> };

/**
 * The app's one in-process event bus, owned by the app core: jobs and the scheduler emit on it; the
 * job history, the tray and the forwarders to the renderer listen. The events are the contract's, so
 * every listener gets a typed payload.
 *
 * An emit calls the event's own listeners first, then the onAny listeners, each group in the order it
 * subscribed: everything in-process has heard of an event before a page does. Listeners run
 * synchronously; one that throws stops the emit and the error reaches the emitter, as a direct call would.
 */
export class AppEvents {
  private readonly listeners: ListenersByEvent = {
    jobProgress: new Set(),
    jobFinished: new Set(),
    scheduleStatus: new Set(),
    navigate: new Set(),
    dialogs: new Set(),
  };

  private readonly anyListeners = new Set<AnyAppEventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const listeners: Set<AppEventListener<E>> = this.listeners[event];
    // Copies: a listener may unsubscribe (itself or another) while the event is delivered.
    for (const listener of [...listeners]) listener(payload);
    for (const listener of [...this.anyListeners]) listener(event, payload);
  }

  on<E extends EventName>(event: E, listener: AppEventListener<E>): Unsubscribe {
    const listeners: Set<AppEventListener<E>> = this.listeners[event];
    // A function added twice is called twice, and each unsubscribe removes its own registration.
    const registration: AppEventListener<E> = (payload) => listener(payload);
    listeners.add(registration);
    return () => void listeners.delete(registration);
  }

  onAny(listener: AnyAppEventListener): Unsubscribe {
    const registration: AnyAppEventListener = (event, payload) => listener(event, payload);
    this.anyListeners.add(registration);
    return () => void this.anyListeners.delete(registration);
  }
}

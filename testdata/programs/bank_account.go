package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	Owner   string
	balance int64
	history []string
}

func (a *Account) Deposit(c int64) {
	a.balance += c
	a.history = append(a.history, fmt.Sprintf("+%d", c))
}

func (a *Account) Withdraw(c int64) error {
	if c > a.balance {
		return fmt.Errorf("withdraw %d from %s: %w", c, a.Owner, ErrInsufficient)
	}
	a.balance -= c
	a.history = append(a.history, fmt.Sprintf("-%d", c))
	return nil
}

func (a Account) Balance() string { return fmt.Sprintf("$%d.%02d", a.balance/100, a.balance%100) }

func main() {
	acc := &Account{Owner: "ann"}
	acc.Deposit(10050)
	if err := acc.Withdraw(2525); err != nil {
		fmt.Println(err)
	}
	err := acc.Withdraw(100000)
	fmt.Println(err, errors.Is(err, ErrInsufficient))
	fmt.Println(acc.Balance(), acc.history)
}
